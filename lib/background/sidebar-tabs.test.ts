import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askSidebarToFocus, checkInSidebar, FOCUS_REQUEST_TTL_MS, sidebarTabs } from './sidebar-tabs';

beforeEach(() => fakeBrowser.reset());

describe('sidebars checking in', () => {
  it('knows the docked sidebars’ tabs, the one seen last first; the page on its own is not one', async () => {
    await checkInSidebar(4, true);
    await checkInSidebar(9, false);
    await new Promise((done) => setTimeout(done, 2));
    await checkInSidebar(7, true);
    expect(await sidebarTabs()).toEqual([7, 4]);
  });

  it('hands a waiting task to the sidebar of its tab only, once, and not when it is stale', async () => {
    const now = Date.now();
    await askSidebarToFocus({ section: 'tasks', taskId: 't1', tabId: 4, at: now });
    expect(await checkInSidebar(7, true)).toEqual({ focus: null });
    expect(await checkInSidebar(4, true)).toEqual({ focus: { section: 'tasks', taskId: 't1' } });
    expect(await checkInSidebar(4, true)).toEqual({ focus: null });
    await askSidebarToFocus({ section: 'tasks', taskId: 't2', tabId: 4, at: now - FOCUS_REQUEST_TTL_MS - 1 });
    expect(await checkInSidebar(4, true)).toEqual({ focus: null });
  });
});
