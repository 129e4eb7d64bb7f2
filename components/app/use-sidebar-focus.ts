import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendCommand } from '../../lib/messaging/client';
import { hostMessageSchema, parseWith, sidebarMessageSchema } from '../../lib/messaging/protocol';
import { useView } from './view-store-context';

/**
 * Checks in with the background when the sidebar loads, whenever the rep comes back to it, and
 * when the hosting content script or the background says a request waits:
 * the background learns which tab holds a docked sidebar (and which the rep saw last), and
 * hands over the task a clicked reminder asked to show (lib/background/reveal-in-sidebar.ts).
 */
export function useSidebarFocus(): void {
  const focusTask = useView((state) => state.focusTask);
  const showSection = useView((state) => state.showSection);
  useEffect(() => {
    const docked = window.top !== window;
    const checkIn = () =>
      void sendCommand('sidebar.checkIn', { docked }).then(
        ({ focus }) => {
          if (focus?.taskId) focusTask(focus.taskId);
          else if (focus) showSection(focus.section);
        },
        (error: unknown) => console.warn('[command-center] sidebar check-in failed', error),
      );
    const onMessage = (message: unknown, sender: { id?: string }) => {
      // Only this extension (the webmail page cannot send these); at worst a needless check-in.
      if (sender.id !== browser.runtime.id) return;
      if (parseWith(sidebarMessageSchema, message).ok) checkIn();
    };
    // The content script hosting us asks for a check-in when the background opened it for a task.
    const onHostMessage = (event: MessageEvent) => {
      if (event.source === window.parent && parseWith(hostMessageSchema, event.data).ok) checkIn();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') checkIn();
    };
    browser.runtime.onMessage.addListener(onMessage);
    window.addEventListener('message', onHostMessage);
    document.addEventListener('visibilitychange', onVisible);
    checkIn();
    return () => {
      browser.runtime.onMessage.removeListener(onMessage);
      window.removeEventListener('message', onHostMessage);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [focusTask, showSection]);
}
