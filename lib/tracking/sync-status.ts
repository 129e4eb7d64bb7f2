import { storage } from 'wxt/utils/storage';
import type { ServerProblem } from './server-client';

/** How the last pull from the tracking server went, for the sidebar's health mark and the options. */
export interface SyncStatus {
  at: number;
  ok: boolean;
  /** English, for logs and as the fallback text. */
  error?: string;
  /** What kind of failure, so the sidebar can say it in the rep's language (absent: not a server answer). */
  code?: ServerProblem;
}

export const syncStatus = storage.defineItem<SyncStatus | null>('local:syncStatus', { fallback: null });
