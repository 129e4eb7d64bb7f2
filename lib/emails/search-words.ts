import type { EmailRecord } from '../db/records';

// The quick filter looks up words, not substrings: every word of the subject and of each
// recipient's name and address is indexed (multiEntry), so a filter over 100,000 emails reads
// only the matching rows. "dana", "northw" and "pricing" match "Dana Whitfield
// <dana@northwind.example>: Pricing for Q1".

const WORD = /[\p{L}\p{N}]+/gu;
const MAX_WORDS = 60;

export function wordsIn(text: string): string[] {
  return text.toLocaleLowerCase().normalize('NFC').match(WORD) ?? [];
}

export function searchWordsOf(email: Pick<EmailRecord, 'subject' | 'to'>): string[] {
  const parts = [typeof email.subject === 'string' ? email.subject : ''];
  for (const recipient of Array.isArray(email.to) ? email.to : [])
    parts.push(recipient?.name ?? '', recipient?.address ?? '');
  return [...new Set(parts.flatMap(wordsIn))].slice(0, MAX_WORDS);
}

/** True when every word of the filter starts one of the email's words. */
export function matchesWords(words: readonly string[], query: readonly string[]): boolean {
  return query.every((part) => words.some((word) => word.startsWith(part)));
}
