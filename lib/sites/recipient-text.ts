import type { Recipient } from '../db/records';

const NAME_AND_ADDRESS = /^\s*(?:"?([^"<]*?)"?\s*<)?([^\s<>,;]+@[^\s<>,;]+)>?\s*$/;

/**
 * Reads chip text such as `Dana Whitfield <dana@example.com>` or a bare address. Outlook shows a
 * name alone for known contacts (webmail-dom.md §2.3): that is a recipient whose address we do
 * not know, returned with an empty address rather than dropped.
 */
export function parseRecipientText(text: string): Recipient | null {
  const trimmed = text.replace(/\u200b/g, '').trim();
  if (!trimmed) return null;
  const match = NAME_AND_ADDRESS.exec(trimmed);
  if (!match) return { address: '', name: trimmed };
  const name = match[1]?.trim();
  return name ? { address: match[2] ?? '', name } : { address: match[2] ?? '' };
}

/** What we type into a recipient field: `Name <address>` so the chip keeps the name. */
export function formatRecipient(recipient: Recipient): string {
  const name = recipient.name?.replace(/[<>",;]/g, '').trim();
  return name ? `${name} <${recipient.address}>` : recipient.address;
}
