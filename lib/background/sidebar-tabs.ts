import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

// Which tabs hold a docked sidebar, and the "show this task" waiting for one of them. The
// background may not read a tab's address (no `tabs` or host permission), so each sidebar checks
// in (`sidebar.checkIn`, on load and whenever the rep comes back to it) and the router names the
// tab it came from. Kept in storage.session, which only the background uses here: the webmail
// page cannot read or forge it, and it goes with the browser session, as tab ids do.

export interface SidebarFocusRequest {
  section: 'tasks';
  taskId?: string | undefined;
  tabId: number;
  at: number;
}

/** A request older than this was not for the sidebar that checks in now. */
export const FOCUS_REQUEST_TTL_MS = 60_000;

const focusRequest = storage.defineItem<SidebarFocusRequest | null>('session:sidebarFocus', { fallback: null });
const TAB_PREFIX = 'sidebarTab:';

export async function noteSidebarTab(tabId: number, at = Date.now()): Promise<void> {
  await browser.storage.session.set({ [`${TAB_PREFIX}${tabId}`]: at });
}

export async function forgetSidebarTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(`${TAB_PREFIX}${tabId}`);
}

/** Tabs whose sidebar checked in, the one the rep saw last first. */
export async function sidebarTabs(): Promise<number[]> {
  const all = (await browser.storage.session.get(null)) as Record<string, unknown>;
  return Object.entries(all)
    .filter((entry): entry is [string, number] => entry[0].startsWith(TAB_PREFIX) && typeof entry[1] === 'number')
    .sort((a, b) => b[1] - a[1])
    .map(([key]) => Number(key.slice(TAB_PREFIX.length)))
    .filter(Number.isInteger);
}

export const askSidebarToFocus = (request: SidebarFocusRequest) => focusRequest.setValue(request);

/** The request waiting for the sidebar in `tabId`, taken (so it is shown once), if any. */
export async function takeFocusRequest(tabId: number | undefined, now = Date.now()) {
  const request = await focusRequest.getValue();
  if (!request || tabId === undefined || request.tabId !== tabId) return null;
  await focusRequest.removeValue();
  if (now - request.at > FOCUS_REQUEST_TTL_MS) return null;
  return { section: request.section, ...(request.taskId ? { taskId: request.taskId } : {}) };
}

/** A sidebar checked in: note its tab (when docked) and hand it what waits for it. */
export async function checkInSidebar(tabId: number | undefined, docked: boolean) {
  if (docked && tabId !== undefined) await noteSidebarTab(tabId);
  return { focus: await takeFocusRequest(tabId) };
}
