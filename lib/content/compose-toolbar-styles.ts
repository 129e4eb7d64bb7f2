// The compose toolbar's own styles, inside its shadow root: nothing of the webmail's reaches
// them, and nothing here reaches the webmail. Sized to sit in Gmail's and Outlook's send row.
// Light only: the compose follows the webmail's theme, not the system's, and we cannot read it.
export const TOOLBAR_CSS = `
:host { all: initial; display: inline-flex; vertical-align: middle; max-width: 100%; min-width: 0;
  font: 12px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f1f1f; }
.bar { display: flex; align-items: center; gap: 6px; padding: 0 8px; min-width: 0; max-width: 100%; }
button.track { all: unset; display: inline-flex; align-items: center; gap: 5px; height: 26px; padding: 0 9px;
  border-radius: 13px; border: 1px solid #c4c7c5; background: #fff; cursor: pointer; white-space: nowrap;
  font-weight: 500; color: #444746; }
button.track[aria-pressed="true"] { background: #e6f4ea; border-color: #34a853; color: #0d652d; }
button.track:disabled { cursor: default; opacity: .55; }
button.track:focus-visible, input.campaign:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: #9aa0a6; }
button.track[aria-pressed="true"] .dot { background: #34a853; }
input.campaign { all: unset; box-sizing: border-box; width: 118px; min-width: 64px; flex: 0 1 118px; height: 26px;
  padding: 0 8px; border: 1px solid #c4c7c5; border-radius: 6px; background: #fff; color: #1f1f1f; }
input.campaign::placeholder { color: #747775; }
.actions { display: inline-flex; gap: 4px; }
.actions:empty { display: none; }
.status { flex: 1 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: #444746; }
.status[data-tone="tracked"] { color: #0d652d; }
.status[data-tone="untracked"] { color: #8c4a00; }
.status[data-tone="unavailable"] { color: #b3261e; }
`;
