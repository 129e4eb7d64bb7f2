import type { ComposeRequest } from '../messaging/protocol';
import type { ComposeView, RecipientField } from '../sites/compose-view';
import type { SiteAdapter } from '../sites/site-adapter';
import { plainTextParagraphs, splitRecipients } from './compose-prefill';

/** How long the webmail gets to show the new compose and all its parts. */
const OPEN_TIMEOUT_MS = 5000;
const PARTS_POLL_MS = 100;
const FIELDS: readonly RecipientField[] = ['to', 'cc', 'bcc'];

export interface PrefillResult {
  /** A new compose opened (and was filled as far as its parts allowed). */
  opened: boolean;
  /** Requested recipients that are not email addresses; typed nowhere. */
  skipped: string[];
  /** Compose parts that could not be found (`COMPOSE_PARTS` names, e.g. "cc field"), so stayed empty. */
  missing: string[];
}

/**
 * Opens a new compose through the webmail's own New message control and fills it the way a rep
 * would: recipients typed so the webmail makes its chips, the subject, the body as plain text.
 */
export async function openPrefilledCompose(
  adapter: SiteAdapter,
  request: ComposeRequest,
  signal: AbortSignal,
  doc: Document = document,
): Promise<PrefillResult> {
  const recipients = FIELDS.map((field) => ({ field, ...splitRecipients(request[field]) }));
  const skipped = recipients.flatMap((entry) => entry.skipped);

  const compose = await waitForNewCompose(adapter, signal, doc);
  if (!compose) return { opened: false, skipped, missing: [] };
  await waitForParts(compose, signal);

  const missing = new Set(compose.health().missing);
  for (const { field, valid } of recipients) {
    if (valid.length > 0 && !compose.addRecipients(field, valid)) missing.add(`${field} field`);
  }
  if (request.subject) compose.setSubject(request.subject);
  const body = compose.body();
  if (body && request.body) writeBody(body, request.body);
  body?.focus();
  return { opened: true, skipped, missing: [...missing] };
}

/**
 * Clicks New message and resolves with the compose that opens, or null after the timeout. The
 * composes already open are the ones `onComposeOpened` reports during the call (its initial scan
 * is synchronous, watch-composes.ts), so any report after it is the new one.
 */
function waitForNewCompose(adapter: SiteAdapter, signal: AbortSignal, doc: Document): Promise<ComposeView | null> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(null);
    const watching = new AbortController();
    let scanned = false;
    const finish = (compose: ComposeView | null) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      // The view is used at once, before its `closed` (owned by this watcher) could matter.
      queueMicrotask(() => watching.abort());
      resolve(compose);
    };
    const stop = () => finish(null);
    const timer = setTimeout(stop, OPEN_TIMEOUT_MS);
    signal.addEventListener('abort', stop, { once: true });
    adapter.onComposeOpened((compose) => scanned && finish(compose), watching.signal, doc);
    scanned = true;
    if (!adapter.openCompose(doc)) finish(null);
  });
}

/** Real webmails render a compose in steps: wait (within the budget) until health finds every part. */
async function waitForParts(compose: ComposeView, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + OPEN_TIMEOUT_MS;
  while (compose.health().status !== 'ok' && Date.now() < deadline && !signal.aborted) {
    await new Promise((resolve) => setTimeout(resolve, PARTS_POLL_MS));
  }
}

/** A new compose's body is empty or holds the rep's signature: the text goes before it. */
function writeBody(body: HTMLElement, text: string): void {
  const paragraphs = plainTextParagraphs(text, body.ownerDocument);
  if (body.textContent?.trim()) body.prepend(paragraphs);
  else body.replaceChildren(paragraphs);
  body.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
}
