import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountCommandCenter } from '../dock/mount-dock';
import { syncOnFocus } from '../dock/sync-on-focus';
import type { ComposeView } from '../sites/compose-view';
import type { SiteAdapter } from '../sites/site-adapter';
import { reportOwnPixels } from './report-own-pixels';

/**
 * The one composition root of both content scripts: everything a webmail tab runs, given that
 * webmail's adapter. All of it stops when the content script is invalidated (`ctx.signal`).
 */
export function startContent(ctx: ContentScriptContext, adapter: SiteAdapter): Promise<void> {
  syncOnFocus(ctx);
  // Compose features (the toolbar, issue #10) hang off this; for now it only reports what the
  // driver could read, so a changed compose markup shows in the console before anyone relies on it.
  adapter.onComposeOpened((compose) => reportComposeHealth(adapter.site, compose), ctx.signal);
  if (adapter.messageImages) reportOwnPixels(adapter.messageImages, ctx.signal);
  return mountCommandCenter(ctx, adapter);
}

function reportComposeHealth(site: SiteAdapter['site'], compose: ComposeView): void {
  const health = compose.health();
  console.debug(`[command-center] ${site} compose opened: ${health.status}`, health.missing);
}
