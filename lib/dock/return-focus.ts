import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Remembers the last webmail element that had focus before the rep moved into our dock, so
 * closing the sidebar from the keyboard puts them back there instead of in a hidden panel.
 */
export function trackFocusOutside(ctx: ContentScriptContext, dock: HTMLElement) {
  let last: HTMLElement | null = null;
  // Focus inside our closed shadow root is seen from the page as focus on the dock element.
  ctx.addEventListener(document, 'focusin', (event: FocusEvent) => {
    const target = event.target;
    if (target instanceof HTMLElement && target !== dock && !target.tagName.startsWith('ICC-')) last = target;
  });
  return {
    restore(fallback: () => void) {
      if (last?.isConnected && last !== document.body) {
        last.focus({ preventScroll: true });
        if (document.activeElement === last) return;
      }
      fallback();
    },
  };
}
