import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  FOCUS_REQUEST_TTL_MS,
  forgetSidebarTab,
  noteSidebarTab,
  type SidebarFocusRequest,
  sidebarFocusRequest,
} from '../../lib/messaging/sidebar-focus';
import { useView } from './view-store-context';

/**
 * Takes the background's "show this task" (a reminder was clicked, lib/background/
 * reveal-in-sidebar.ts) when it is for this sidebar, and tells the background which tab this
 * docked sidebar is in, and when the rep last saw it.
 */
export function useSidebarFocus(): void {
  const focusTask = useView((state) => state.focusTask);
  const showSection = useView((state) => state.showSection);
  useEffect(() => {
    const docked = window.top !== window;
    let tabId: number | undefined;
    let stopped = false;
    const take = (request: SidebarFocusRequest | null) => {
      if (stopped || !request || Date.now() - request.at > FOCUS_REQUEST_TTL_MS) return;
      // Meant for the sidebar in another tab; an untargeted one is for the page opened on its own.
      if (request.tabId !== undefined ? request.tabId !== tabId : docked) return;
      void sidebarFocusRequest.removeValue();
      if (request.taskId) focusTask(request.taskId);
      else showSection(request.section);
    };
    const seen = () => {
      if (docked && tabId !== undefined && document.visibilityState === 'visible') void noteSidebarTab(tabId);
    };
    void browser.tabs.getCurrent().then(async (tab) => {
      tabId = tab?.id;
      seen();
      take(await sidebarFocusRequest.getValue());
    });
    const unwatch = sidebarFocusRequest.watch(take);
    document.addEventListener('visibilitychange', seen);
    window.addEventListener('focus', seen);
    const gone = () => tabId !== undefined && docked && void forgetSidebarTab(tabId);
    window.addEventListener('pagehide', gone);
    return () => {
      stopped = true;
      unwatch();
      document.removeEventListener('visibilitychange', seen);
      window.removeEventListener('focus', seen);
      window.removeEventListener('pagehide', gone);
    };
  }, [focusTask, showSection]);
}
