import { storage } from 'wxt/utils/storage';
import type { SiteId } from '../sites/site-adapter';

export interface DockPrefs {
  open: boolean;
  width: number;
}

export const DEFAULT_DOCK_PREFS: DockPrefs = { open: true, width: 360 };
export const MIN_WIDTH = 280;
export const MAX_WIDTH = 720;

// Per site: a rep may want a wide panel in Outlook and a narrow one in Gmail. Open on the first
// visit (the fallback), then whatever the rep left it at.
const items = {
  gmail: storage.defineItem<DockPrefs>('local:dock:gmail', { fallback: DEFAULT_DOCK_PREFS }),
  outlook: storage.defineItem<DockPrefs>('local:dock:outlook', { fallback: DEFAULT_DOCK_PREFS }),
};

export async function loadDockPrefs(site: SiteId): Promise<DockPrefs> {
  const prefs = await items[site].getValue();
  return { open: prefs.open !== false, width: clampWidth(prefs.width) };
}

export function saveDockPrefs(site: SiteId, prefs: DockPrefs): Promise<void> {
  return items[site].setValue({ open: prefs.open, width: clampWidth(prefs.width) });
}

export function clampWidth(width: unknown, viewport = globalThis.innerWidth ?? 1280): number {
  const max = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.floor(viewport * 0.6)));
  const value = typeof width === 'number' && Number.isFinite(width) ? width : DEFAULT_DOCK_PREFS.width;
  return Math.round(Math.min(max, Math.max(MIN_WIDTH, value)));
}
