import { storage } from 'wxt/utils/storage';

/** How the last pull from the tracking server went, for the sidebar's health mark and the options. */
export interface SyncStatus {
  at: number;
  ok: boolean;
  error?: string;
}

export const syncStatus = storage.defineItem<SyncStatus | null>('local:syncStatus', { fallback: null });
