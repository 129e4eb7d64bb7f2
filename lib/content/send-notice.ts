import type { UntrackedReason } from '../emails/local-reasons';
import { t } from '../i18n/t';
import { untrackedText } from './compose-tracking-state';
import { SEND_NOTICE_TAG } from './element-names';

const SHOW_MS = 10_000;

// Above the webmail's own notice, not on it: Gmail shows "Message sent · Undo" at the bottom
// left (24 px in, about 48 px tall), and at 16 px ours hid its Undo (seen 2026-12, screenshots).
const NOTICE_CSS = `
:host { all: initial; position: fixed; left: 16px; bottom: 88px; z-index: 2147483000; max-width: min(420px, calc(100vw - 32px));
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.notice { display: flex; align-items: flex-start; gap: 10px; padding: 10px 12px; border-radius: 8px; background: #fff4e5;
  color: #5f3700; border: 1px solid #f0b15a; box-shadow: 0 2px 8px rgba(0,0,0,.2); }
.text { flex: 1; min-width: 0; overflow-wrap: anywhere; }
button { all: unset; cursor: pointer; padding: 0 4px; border-radius: 4px; font-size: 16px; line-height: 1; }
button:focus-visible { outline: 2px solid #0b57d0; }
`;

/**
 * Tells the rep, outside the compose that just closed, that an email they wanted tracked went
 * out without tracking, and why. One notice at a time; it goes after a while or on its ×.
 */
export function showSendNotice(doc: Document, reason: UntrackedReason): void {
  for (const old of doc.querySelectorAll(SEND_NOTICE_TAG)) old.remove();
  const host = doc.createElement(SEND_NOTICE_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.innerHTML = `<style>${NOTICE_CSS}</style><div class="notice" role="status"><span class="text"></span><button type="button">×</button></div>`;
  shadow.querySelector('.text')!.textContent = t('composeSentUntracked', untrackedText(reason));
  const close = shadow.querySelector('button')!;
  close.setAttribute('aria-label', t('composeNoticeClose'));
  close.addEventListener('click', () => host.remove());
  for (const type of ['keydown', 'keyup', 'keypress', 'click', 'mousedown', 'mouseup'] as const)
    host.addEventListener(type, (event) => event.stopPropagation());
  doc.body.append(host);
  setTimeout(() => host.remove(), SHOW_MS);
}
