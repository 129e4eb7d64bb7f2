import { type Browser, browser } from 'wxt/browser';
import type { ServerSettings } from './server-settings';

// The rep's own browser must never count as an open. Outlook web and other clients load our
// pixel straight from the server: a declarativeNetRequest block rule stops that request (it
// needs no host permission). Gmail loads it through its image proxy, which the rule cannot see
// (extension-facts.md §4, verified 2026): lib/content/report-own-pixels.ts handles Gmail in the page.

/** The one dynamic rule this extension owns. */
const RULE_ID = 1;

/** Blocks images under the server's pixel path (`<server>/o/`), and nothing else. */
export function selfViewBlockRule(settings: ServerSettings): Browser.declarativeNetRequest.Rule {
  return {
    id: RULE_ID,
    priority: 1,
    action: { type: 'block' },
    condition: { urlFilter: `|${settings.url}/o/`, resourceTypes: ['image'] },
  };
}

/** Keeps the rule in step with the rep's server: none without one. */
export async function applySelfViewBlock(settings: ServerSettings | null): Promise<void> {
  await browser.declarativeNetRequest.updateDynamicRules({
    removeRuleIds: [RULE_ID],
    addRules: settings ? [selfViewBlockRule(settings)] : [],
  });
}
