import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountCommandCenter } from '../dock/mount-dock';
import { syncOnFocus } from '../dock/sync-on-focus';
import type { ComposeView } from '../sites/compose-view';
import type { SiteAdapter } from '../sites/site-adapter';
import { settingsInputs } from './compose-tracking-state';
import { reportOwnPixels } from './report-own-pixels';
import { backgroundSendChannel } from './send-channel';
import { trackSends } from './track-sends';

/**
 * The one composition root of both content scripts: everything a webmail tab runs, given that
 * webmail's adapter. All of it stops when the content script is invalidated (`ctx.signal`).
 */
export function startContent(ctx: ContentScriptContext, adapter: SiteAdapter): Promise<void> {
  syncOnFocus(ctx);
  // A changed compose markup shows in the console before anyone relies on it.
  adapter.onComposeOpened((compose) => reportComposeHealth(adapter.site, compose), ctx.signal);
  trackSends(adapter, settingsInputs(ctx.signal), backgroundSendChannel, ctx.signal);
  if (adapter.messageImages) reportOwnPixels(adapter.messageImages, ctx.signal);
  return mountCommandCenter(ctx, adapter);
}

function reportComposeHealth(site: SiteAdapter['site'], compose: ComposeView): void {
  const health = compose.health();
  console.debug(`[command-center] ${site} compose opened: ${health.status}`, health.missing);
}
