import * as v from 'valibot';
import type { Recipient } from '../db/records';

// The two conversions of a prefilled compose that need no webmail: which requested addresses can
// be typed into a recipient field, and the body text as the webmails' own paragraphs.

/** The address check of `emails.saveDraft` (lib/messaging/commands.ts): valibot's `email()`. */
const emailAddressSchema = v.pipe(v.string(), v.email());

/** Splits requested recipients into those with a real address and the rest, as they were asked for. */
export function splitRecipients(recipients: readonly Recipient[]): { valid: Recipient[]; skipped: string[] } {
  const valid: Recipient[] = [];
  const skipped: string[] = [];
  for (const recipient of recipients) {
    const address = recipient.address.trim();
    if (v.is(emailAddressSchema, address)) valid.push(recipient.name ? { address, name: recipient.name } : { address });
    else skipped.push(recipient.address);
  }
  return { valid, skipped };
}

/**
 * Plain text as body paragraphs: one `<div>` per line and `<div><br></div>` for an empty one,
 * the markup both Gmail and Outlook write when a rep presses Enter. Every line goes in as a
 * text node, so markup in the text shows as typed and never becomes HTML.
 */
export function plainTextParagraphs(text: string, doc: Document): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop(); // a final newline ends the last line; it adds none
  for (const line of lines) {
    const paragraph = doc.createElement('div');
    if (line) paragraph.textContent = line;
    else paragraph.append(doc.createElement('br'));
    fragment.append(paragraph);
  }
  return fragment;
}
