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

/**
 * The Compose button that opens a new message: `gh=cm` is one of Gmail's long-lived hooks
 * (ISDK element-getter :110, 2026-07; webmail-dom.md §1.1, §1.8); gmail.js start_compose clicks
 * `.T-I.T-I-KE.L3` (GJS 2026-03), kept as the fallback.
 */
export const COMPOSE_BUTTON = '[gh=cm], .T-I.T-I-KE.L3';

// Compose windows (webmail-dom.md §1.2–1.7; ISDK @ 2026-07-23, GJS @ 2026-03-25). All lookups
// below run inside one compose root, never in the whole page.

/**
 * Root of every compose: new-message dialog, pop-out mole (`div.AD`), full-screen
 * (`.aSt … div.aaZ`) and inline reply/forward (`.ip.adB`) all hold one `div.M9` (GJS
 * src/gmail.js:3976, 2026-03; ISDK views/gmail-message-view.ts:865-890, 2026-07; 2020 capture).
 */
export const COMPOSE_ROOT = 'div.M9';

/** Recipient chips since Gmail's Oct-2021 "peoplekit" redesign (ISDK gmail-compose-view/page-parser.ts getRecipientChips, 2026-07). */
export const RECIPIENT_CHIPS = {
  to: '.GS .anm[name="to"] [role=listbox] [role=option][data-name]',
  cc: '.GS .anm[name="cc"] [role=listbox] [role=option][data-name]',
  bcc: '.GS .anm[name="bcc"] [role=listbox] [role=option][data-name]',
} as const;
/** Chip attributes of the 2021+ UI: address and display name (ISDK get-recipients.ts, 2026-07). */
export const CHIP_ADDRESS_ATTR = 'data-hovercard-id';
export const CHIP_NAME_ATTR = 'data-name';

/**
 * Where the rep types recipients: the peoplekit combobox (ISDK set-recipients.ts:72, 2026-07) or,
 * in the pre-2021 UI, `textarea.vO[name=…]` (ISDK page-parser.ts fallback; 2020 capture).
 */
export const RECIPIENT_INPUTS = {
  to: '.anm[name="to"] input[role=combobox], textarea.vO[name="to"]',
  cc: '.anm[name="cc"] input[role=combobox], textarea.vO[name="cc"]',
  bcc: '.anm[name="bcc"] input[role=combobox], textarea.vO[name="bcc"]',
} as const;
/** Pre-2021 chips: `.vR` in the textarea's table row, address in `[email]` or the hidden input (ISDK page-parser.ts getRecipientChips). */
export const OLD_RECIPIENT_ROW = 'tr';
export const OLD_RECIPIENT_CHIP = '.vR';
export const OLD_CHIP_ADDRESS_ATTR = 'email';
export const OLD_CHIP_ADDRESS = `[${OLD_CHIP_ADDRESS_ATTR}]`;
export const OLD_CHIP_VALUE = 'input[type=hidden]';

/** Cc / Bcc rows are hidden until these links are clicked (ISDK set-recipients.ts:41,:53, 2026-07; BR `.aB.gQ.pE`/`.pB`). */
export const SHOW_RECIPIENT_ROW = { cc: 'span.pE[role=link]', bcc: 'span.pB[role=link]' } as const;

/** Subject input (ISDK gmail-compose-view.ts:627,:1131; GJS :4255; 2020 capture). */
export const SUBJECT_INPUT = 'input[name=subjectbox]';

/** The contenteditable body (ISDK gmail-compose-view.ts:1096, 2026-07; 2020 capture has it inside td.Ap). */
export const BODY_EDITABLE = '.Ap [g_editable=true]';

/** Send, not the "More send options" arrow nor send-and-archive (ISDK gmail-compose-view.ts:1235, 2026-07). */
export const SEND_BUTTON = '.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])';

/**
 * The compose's bottom row, the table that holds Send (`div.aDh > table.IZ[role=group]` in the
 * 2020 capture; `.IZ` in ISDK's Send selector :1235). Our toolbar goes on a line just above it.
 */
export const SEND_ROW = 'table.IZ';

/** Discard draft: `div.oh.J-Z-I[role=button]` in the 2020 capture (its aria-label is English UI copy, so not used). */
export const DISCARD_DRAFT = 'div.oh[role=button]';

/**
 * Plain text mode, which Gmail remembers for every new compose: the checked item of the
 * compose's More options menu. Not in webmail-dom.md and not in the 2020 capture (its menu was
 * never opened): the `selector` attribute is inferred from Gmail's schedule-send item
 * (`[selector="scheduledSend"]`, ISDK :1240), so the name is our guess. Re-verify on live Gmail.
 * Closure menus are made on first open and then hidden, not removed, so the item stays readable;
 * a plain-text compose whose menu was not opened in this page is not recognised.
 */
export const PLAIN_TEXT_MODE_ON = '[role=menuitemcheckbox][selector="plainTextMode"][aria-checked="true"]';

/**
 * Gmail's notice bar (`div.b8[role=alert] .vh`, ISDK gmail-butter-bar-driver.ts, 2026-07) shows
 * "Message sent. Undo · View message" for the Undo Send window (5–30 s, the rep's setting).
 * `#link_undo` is the id public userscripts use for that Undo link; not in webmail-dom.md and
 * not in a capture of ours: re-verify. A compose re-opening with the same draft id (what Undo
 * does) is recognised without it.
 */
export const UNDO_SEND = 'div.b8[role=alert] #link_undo';
/** Gmail's longest Undo Send setting (Settings › General › Undo Send: 5, 10, 20, 30 s). */
export const UNDO_WINDOW_MS = 30_000;

/** Hidden form inputs with the draft message and thread ids (ISDK compose-view :282-285, :552; GJS :4251-4253; 2020 capture). */
export const DRAFT_ID_INPUT = 'input[name=draft]';
export const THREAD_ID_INPUT = 'input[name=rt]';

/**
 * Images in the messages of an open conversation: each message is a `div.adn` (`.adn.ads`), its
 * rendered body a `div.a3s` (`.a3s.aiL`); gmail.js `dom.email_body`, InboxSDK's message view and
 * many public content scripts query these two (seen 2026-12 via public code search). Not in
 * webmail-dom.md and not yet checked against a capture of our own: re-verify.
 */
export const MESSAGE_BODY_IMAGES = 'div.adn div.a3s img';
