// What the shared content-script code needs from a webmail. Only the two content entry points
// import a concrete adapter; everything else sees this interface.

export type SiteId = 'gmail' | 'outlook';

export interface LayoutHealth {
  status: 'ok' | 'degraded';
  /** Names of the anchors that were not found, for the health mark and the console. */
  missing: string[];
}

export interface DockPlacement {
  /** The sidebar is inserted right after this element, inside its flex row. */
  anchor: Element;
  /** The webmail column our sidebar takes its width from; it must stay readable (dock-prefs MIN_MAIL_COLUMN). */
  mailColumn: Element;
  /** CSS that lets the webmail's main column shrink instead of overflowing (scoped by the dock). */
  pageCss: string;
}

export interface SiteAdapter {
  site: SiteId;
  /** Finds where to dock, or says which anchors are missing (the webmail's markup changed). */
  findDock(
    doc?: Document,
  ): { placement: DockPlacement; health: LayoutHealth } | { placement: null; health: LayoutHealth };
}
