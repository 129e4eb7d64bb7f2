import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

// Background → sidebar: "show the Tasks tab, with this task" (a reminder was clicked). The
// request waits in storage.session, which only the extension's own pages and the background can
// read or write (never the webmail page or a content script), so a page cannot forge one; the
// sidebar in the named tab takes it and clears it, and one that loads later still finds it.
//
// Which tabs hold a sidebar: the background may not read the address of a tab (no `tabs` or
// host permission), so each docked sidebar notes its own tab here, with when the rep last saw it.

export interface SidebarFocusRequest {
  section: 'tasks';
  taskId?: string | undefined;
  /** The tab whose sidebar should take it; absent: the sidebar page opened on its own for it. */
  tabId?: number | undefined;
  at: number;
}

/** A request older than this was not for the sidebar that loads now. */
export const FOCUS_REQUEST_TTL_MS = 60_000;

export const sidebarFocusRequest = storage.defineItem<SidebarFocusRequest | null>('session:sidebarFocus', {
  fallback: null,
});

const TAB_PREFIX = 'sidebarTab:';

export async function noteSidebarTab(tabId: number, at = Date.now()): Promise<void> {
  await browser.storage.session.set({ [`${TAB_PREFIX}${tabId}`]: at });
}

export async function forgetSidebarTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(`${TAB_PREFIX}${tabId}`);
}

/** Tabs that said they hold a docked sidebar, the one the rep saw last first. */
export async function sidebarTabs(): Promise<number[]> {
  const all = (await browser.storage.session.get(null)) as Record<string, unknown>;
  return Object.entries(all)
    .filter((entry): entry is [string, number] => entry[0].startsWith(TAB_PREFIX) && typeof entry[1] === 'number')
    .sort((a, b) => b[1] - a[1])
    .map(([key]) => Number(key.slice(TAB_PREFIX.length)))
    .filter(Number.isInteger);
}
