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

/**
 * The "New mail" button. webmail-dom.md §2 has no selector for it (2026-12): this is our
 * fixture's `button.newm[aria-label="New mail"]`, not verified on live OWA. The aria-label is
 * English UI copy, so the class comes first.
 */
export const NEW_MAIL_BUTTON = 'button.newm, button[aria-label="New mail"]';

// Compose (webmail-dom.md §2.2–2.5). The pop-out compose is a separate browser window on the
// same hosts with the same markup, so our content script runs there too and finds it the same way.
// All lookups below run inside one compose root, never in the whole page.

/**
 * The message editor: one per compose, so it marks the compose; its leaving the page means the
 * compose closed (BR outlook.spec.js uses `[aria-multiline]` as the editor, 2026-08).
 */
export const BODY_EDITABLE = '[contenteditable=true][aria-multiline=true]';

/**
 * The compose root around the editor: `Form_Content` in the pop-out, `[role=main]` for the
 * reading-pane compose (BR getParent, 2026-08; MV uses `[role=main]`, 2026-01).
 */
export const COMPOSE_ROOT = '[data-app-section="Form_Content"], [role=main]';

/** To, Cc, Bcc in that order; Bcc only once shown (BR fix #634, 2026-03; before: `[role=presentation][contenteditable]`). */
export const RECIPIENT_WELLS = '[contenteditable=true]:not([aria-multiline=true])';

/**
 * The Cc and Bcc toggles: buttons inside `.fui-Input`, told apart by their label's length, 2 for
 * "Cc" and 3 for "Bcc" (BR, webmail-dom.md §2.3; the labels are the UI language's).
 */
export const FIELD_TOGGLES = '.fui-Input button';
export const TOGGLE_LABEL_LENGTH = { cc: 2, bcc: 3 } as const;

/** Chip text, "Name <email>" or a name alone (BR, 2026-08; generated class suffixes vary). */
export const RECIPIENT_CHIP_TEXT = '[class*="textContainer-"], [class*="individualText-"]';

/** Subject: the last such input in the root (BR, 2026-08; TG 2023+ `input.ms-TextField-field`). */
export const SUBJECT_INPUT = 'input[type=text][autocomplete=off]';

/** Send (TG 2024-09, commit eb40c270); in current OWA a wrapper around the real button. */
export const SEND_CONTROL = '[data-testid="ComposeSendButton"]';
export const SEND_INNER_BUTTON = 'button';
/**
 * The compose's command bar around Send (its `role=toolbar`, a role OWA keeps, webmail-dom.md
 * §2.7: prefer roles). Our toolbar goes on a line just below it, so Send and its options arrow
 * stay side by side.
 */
export const COMMAND_BAR = '[role=toolbar]';

/**
 * Outlook's Undo send (Settings › Mail › Compose and reply: up to 10 s) shows an Undo button in
 * a notification. webmail-dom.md has no selector for it (2026-12): this is our fixture's
 * `[role=alert] button`, not verified on live OWA. A compose re-opening with the same subject
 * and recipients within the window (what Undo does) is recognised without it.
 */
export const UNDO_SEND = '[role=alert] button';
export const UNDO_WINDOW_MS = 10_000;
