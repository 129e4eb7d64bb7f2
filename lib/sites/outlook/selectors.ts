import type { AnchorSpec } from '../find-dock';

// Outlook on the web markup we rely on. Sources: shared/reference/webmail-dom.md §2.
// OWA's generated classes churn every few months (EV history, §2.7), so only ids and roles here.

/** The reading pane (EV 2022-04/06, TG 2024-09 `#ReadingPaneContainerId`). */
export const READING_PANE: AnchorSpec = { name: 'reading pane', selector: '#ReadingPaneContainerId' };

/** The main region (BR, MV `closest('[role=main]')`). Our sidebar docks right after it. */
export const MAIN_REGION: AnchorSpec = { name: 'main region', selector: '[role=main]' };

export const SHRINK_MAIN_REGION_CSS = `
  [role=main] { flex: 1 1 auto !important; min-width: 0 !important; }
`;

/**
 * Where the quoted history of a reply or forward starts in a compose body. OWA writes
 * `<div id="appendonsend"></div><hr><div id="divRplyFwdMsg">From:/Sent:/To:…</div>` and then the
 * old message as SIBLINGS, so the history is the first match and everything after it, not only
 * what is inside it. Seen in OWA-written mail in public list archives (amd-gfx, usrp-users;
 * messages of 2019-04 to 2026, found through the code index on 2026-12-01); the header alone
 * (no #appendonsend) in a 2020-07 one. Not in webmail-dom.md, and shared/fixtures/ has no saved
 * OWA compose page: re-verify with a capture of our own.
 */
export const QUOTED_HISTORY: readonly string[] = ['#appendonsend', '#divRplyFwdMsg'];
