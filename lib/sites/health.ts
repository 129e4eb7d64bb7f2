/** How much of a webmail's markup we recognised: shared by the dock layout and the compose views. */
export interface LayoutHealth {
  status: 'ok' | 'degraded';
  /** Names of the parts that were not found, for the health mark and the console. */
  missing: string[];
}
