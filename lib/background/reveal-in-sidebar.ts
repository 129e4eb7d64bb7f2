import { browser } from 'wxt/browser';
import { CHANNEL, type TabMessage } from '../messaging/protocol';
import { forgetSidebarTab, sidebarFocusRequest, sidebarTabs } from '../messaging/sidebar-focus';

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
    await sidebarFocusRequest.setValue({ section: 'tasks', ...target, tabId, at: now });
    const open: TabMessage = { channel: CHANNEL, kind: 'sidebar.open' };
    const opened = await browser.tabs.sendMessage(tabId, open, { frameId: 0 }).then(
      (answer) => answer === true,
      () => false,
    );
    if (!opened) {
      // Closed, reloaded to another site, or our content script is gone (extension updated).
      await forgetSidebarTab(tabId);
      continue;
    }
    await browser.tabs.update(tabId, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => {});
    return 'webmail' as const;
  }
  await sidebarFocusRequest.setValue({ section: 'tasks', ...target, at: now });
  await browser.tabs.create({ url: browser.runtime.getURL('/sidebar.html') });
  return 'page' as const;
}
