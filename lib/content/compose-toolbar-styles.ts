// The compose toolbar's own styles, inside its shadow root: nothing of the webmail's reaches
// them, and nothing here reaches the webmail. Sized to sit in Gmail's and Outlook's send row.
// Light only: the compose follows the webmail's theme, not the system's, and we cannot read it.
//
// It has a line of its own beside the row with Send (the site's toolbarSlot). In Gmail's send row
// a 540 px compose left it about 95 px: on one line it widened the compose past its window and cut
// the rep's text (seen in `npm run screenshots`, 2026-12). On its own line it fits one line in
// both webmails; narrower still, it wraps (switch, picker and status each a line), the picker may
// shrink to 80 px, and the status shows one line with an ellipsis (full text on hover).
export const TOOLBAR_CSS = `
:host { all: initial; display: flex; box-sizing: border-box; width: 100%; max-width: 100%; min-width: 0; padding: 4px 8px;
  font: 12px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f1f1f; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; padding: 2px 4px; box-sizing: border-box;
  width: 100%; min-width: 0; }
button.track { all: unset; flex: none; display: inline-flex; align-items: center; gap: 5px; height: 24px; padding: 0 9px;
  border-radius: 12px; border: 1px solid #c4c7c5; background: #fff; cursor: pointer; white-space: nowrap;
  font-weight: 500; color: #444746; }
button.track[aria-pressed="true"] { background: #e6f4ea; border-color: #34a853; color: #0d652d; }
button.track:disabled { cursor: default; opacity: .55; }
button.track:focus-visible, input.campaign:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: #9aa0a6; }
button.track[aria-pressed="true"] .dot { background: #34a853; }
input.campaign { all: unset; box-sizing: border-box; width: 0; flex: 0 1 132px; min-width: 80px; height: 24px;
  padding: 0 8px; border: 1px solid #c4c7c5; border-radius: 6px; background: #fff; color: #1f1f1f; }
input.campaign::placeholder { color: #747775; }
.actions { display: inline-flex; gap: 4px; }
.actions:empty { display: none; }
.status { flex: 1 1 7em; min-width: 0; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 1;
  overflow: hidden; overflow-wrap: anywhere; word-break: break-all; color: #444746; }
.status[data-tone="tracked"] { color: #0d652d; }
.status[data-tone="untracked"] { color: #8c4a00; }
.status[data-tone="unavailable"] { color: #b3261e; }
/* A recipient who bounced or complained: a line of its own under the bar, wrapping, never cut. */
.warning { flex: 1 0 100%; min-width: 0; padding: 2px 6px; border-radius: 4px; background: #fef7e0; color: #7a4100;
  overflow-wrap: anywhere; }
.warning:empty { display: none; }
.panels { flex: 1 0 100%; min-width: 0; display: flex; flex-direction: column; gap: 4px; }
.panels:empty { display: none; }
button.retarget { all: unset; flex: none; height: 24px; padding: 0 9px; border-radius: 12px; border: 1px solid #c4c7c5;
  background: #fff; color: #0b57d0; font-weight: 500; cursor: pointer; white-space: nowrap; }
button.retarget[aria-expanded="true"] { background: #e8f0fe; border-color: #0b57d0; }
button.retarget:focus-visible, .retarget-search:focus-visible, .retarget-field:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
.retarget-panel { display: flex; flex-wrap: wrap; gap: 4px 6px; padding: 6px; border: 1px solid #c4c7c5; border-radius: 6px; background: #fff; }
.retarget-panel[hidden] { display: none; }
.retarget-search { all: unset; box-sizing: border-box; flex: 1 1 10em; min-width: 0; height: 24px; padding: 0 8px;
  border: 1px solid #c4c7c5; border-radius: 6px; color: #1f1f1f; }
.retarget-field { flex: 0 1 auto; min-width: 0; max-width: 100%; height: 24px; font: inherit; }
.retarget-options { flex: 1 0 100%; margin: 0; padding: 0; list-style: none; max-height: 168px; overflow: auto; }
.retarget-options li { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 8px; padding: 4px 6px;
  border-radius: 4px; cursor: pointer; }
.retarget-options li[aria-selected="true"] { background: #e8f0fe; }
.retarget-options li.empty { cursor: default; color: #444746; }
.retarget-options .name { overflow-wrap: anywhere; font-weight: 500; }
.retarget-options .counts { color: #444746; white-space: nowrap; }
.retarget-note { overflow-wrap: anywhere; color: #0d652d; }
.retarget-note:empty { display: none; }
`;
