import { storage } from 'wxt/utils/storage';
import type { SiteId } from '../sites/site-adapter';

export interface DockPrefs {
  open: boolean;
  width: number;
}

export const DEFAULT_DOCK_PREFS: DockPrefs = { open: true, width: 360 };
export const MIN_WIDTH = 280;
export const MAX_WIDTH = 720;
/** The webmail's mail column keeps at least this much (issue #8: 720 px crushed Outlook's reading pane to 66 px at 1280). */
export const MIN_MAIL_COLUMN = 520;

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

/** The rep's preferred width, within the sidebar's own bounds (what is saved). */
export function clampWidth(width: unknown): number {
  const value = typeof width === 'number' && Number.isFinite(width) ? width : DEFAULT_DOCK_PREFS.width;
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, value)));
}

/**
 * The widest the sidebar may be now: `room` is the width the mail column and the sidebar share
 * (the column's width plus the sidebar's current width). Below the sidebar's minimum the rep
 * can still close it; the limit never goes under MIN_WIDTH.
 */
export function widthLimit(room: number): number {
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.floor(room - MIN_MAIL_COLUMN)));
}
