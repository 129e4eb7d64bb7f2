import type { AnchorSpec } from '../find-dock';

// Gmail markup we rely on. Sources: shared/reference/webmail-dom.md §1 (InboxSDK @ 2026-07-23).
// Obfuscated classes are stable for years but do change: keep the date of each fact.

/** Main content container; `[role=main]` is not set on every page (ISDK element-getter :196, 2026). */
export const APP_CONTAINER: AnchorSpec = { name: 'app container', selector: 'div.aeF > div.nH' };

/** Main body column that holds toolbar and thread list (ISDK element-getter :189, 2026). */
export const MAIN_COLUMN: AnchorSpec = { name: 'main column', selector: '.no > .nn.bkK' };

/**
 * Outer wrapper of the right-hand side panel: `WN9Ejb` since Gmail's 2024-11-07 change,
 * `bq9` before it (ISDK :33, :40; commit a930cd0f). Our sidebar docks right after it.
 */
export const SIDE_PANEL_WRAPPER: AnchorSpec = { name: 'side panel', selector: 'div.WN9Ejb, div.bq9' };

/**
 * Gmail sizes the main column itself; like InboxSDK (style/gmail.css:1614-1690) we let it flex
 * so it shrinks by our width instead of running under the sidebar.
 */
export const SHRINK_MAIN_COLUMN_CSS = `
  .nn.bkK { flex: 1 1 auto !important; width: auto !important; min-width: 0 !important; }
  ${
    '' /* The compose strip ("moles", div.dw; ISDK element-getter :43-46) is fixed to the
  viewport's right edge; move it left of the sidebar so no compose window hides under it. */
  }
  div.dw { transform: translateX(calc(-1 * var(--icc-dock-width, 0px))) !important; }
`;

/**
 * Where the quoted history of a reply or forward starts in a compose body; from the first match
 * on, nothing is the rep's new text. Gmail wraps the history in `div.gmail_quote` (with the
 * "On … wrote:" line as its `.gmail_attr`), the older layout in `div.gmail_extra`;
 * `blockquote[type=cite]` is the cite of Apple Mail and Thunderbird, in case one sits outside those.
 * Not in webmail-dom.md (which has no quote markers); taken from public quote detectors as of
 * 2026-12, e.g. AnyFetch/embedmail-hydrater `config/separators.js` (gmail_extra). Not yet
 * checked against a live compose window: re-verify with a capture of our own.
 */
export const QUOTED_HISTORY: readonly string[] = ['div.gmail_quote', 'div.gmail_extra', 'blockquote[type=cite]'];
