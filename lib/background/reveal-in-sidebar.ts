import { browser } from 'wxt/browser';
import { CHANNEL, type SidebarMessage, type TabMessage } from '../messaging/protocol';
import { askSidebarToFocus, forgetSidebarTab, sidebarTabs } from './sidebar-tabs';

/** Tells every open sidebar that a request waits; the one it is for takes it at its check-in. */
function wakeSidebars(): Promise<void> {
  const message: SidebarMessage = { channel: CHANNEL, kind: 'sidebar.focusWaiting' };
  return browser.runtime.sendMessage(message).then(
    () => undefined,
    () => undefined, // no sidebar open right now: it finds the request when it loads
  );
}

/**
 * Shows the Tasks tab (with one task) in the sidebar: in the webmail tab the rep saw last, which
 * comes to the front with its sidebar opened. With no webmail tab open, the sidebar page opens on
 * its own in a new tab: we cannot tell Gmail from Outlook for the rep, and the task is what they
 * asked for, not a webmail.
 */
export async function revealInSidebar(target: { taskId?: string | undefined }, now = Date.now()) {
  for (const tabId of await sidebarTabs()) {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    if (!tab) {
      await forgetSidebarTab(tabId);
      continue;
    }
    await askSidebarToFocus({ section: 'tasks', ...target, tabId, at: now });
    const open: TabMessage = { channel: CHANNEL, kind: 'sidebar.open' };
    const opened = await browser.tabs.sendMessage(tabId, open, { frameId: 0 }).then(
      (answer) => answer === true,
      () => false,
    );
    if (!opened) {
      // Closed, gone to another site, or our content script is gone (extension updated).
      await forgetSidebarTab(tabId);
      continue;
    }
    await browser.tabs.update(tabId, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => {});
    await wakeSidebars();
    return 'webmail' as const;
  }
  const page = await browser.tabs.create({ url: browser.runtime.getURL('/sidebar.html') });
  if (page.id !== undefined) await askSidebarToFocus({ section: 'tasks', ...target, tabId: page.id, at: now });
  await wakeSidebars();
  return 'page' as const;
}
