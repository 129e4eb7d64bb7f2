import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendCommand } from '../messaging/client';

const MIN_GAP_MS = 10_000;

/**
 * When the rep comes back to the webmail tab, ask the background to pull fresh engagement
 * (architecture.md §7), at most every 10 s. Failures are the background's to report.
 */
export function syncOnFocus(ctx: ContentScriptContext): void {
  let last = 0;
  const sync = () => {
    if (document.visibilityState !== 'visible' || Date.now() - last < MIN_GAP_MS) return;
    last = Date.now();
    sendCommand('tracking.sync', {}).catch(() => {});
  };
  ctx.addEventListener(window, 'focus', sync);
  ctx.addEventListener(document, 'visibilitychange', sync);
}
