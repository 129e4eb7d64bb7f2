import type { EmailGramsRecord, EmailRecord } from '../db/records';
import { problemWith } from '../emails/email-row';
import { searchWordsOf } from '../emails/search-words';
import { searchFacetOf } from './activity-facet';
import { recipientsOf } from './predicate';
import { textGramsOf } from './text-grams';

// The fields an email is indexed under for the quick filter and the search, made from the rest
// of the row. Every email write sets them through this one function (email-writes.ts, the demo
// mailbox, the upgrades), so an index can never lag behind the row it points to. The text
// indexes (substring pieces, quick-filter words) live in their own table (`emailGrams`):
// `searchText` on the row says what they were made from, so a write that changes no text leaves
// them alone.

export type SearchKeys = Pick<EmailRecord, 'searchFacet' | 'searchText'>;

/** The recipients and subject, exactly as far as the substring pieces read them. */
export function searchTextOf(email: Pick<EmailRecord, 'subject' | 'to' | 'cc' | 'bcc'>): string {
  const subject = typeof email.subject === 'string' ? email.subject : null;
  const people = recipientsOf(email).map((r) => [typeof r.name === 'string' ? r.name : null, r.address]);
  return JSON.stringify([subject, people]);
}

/**
 * A damaged row gets no campaign and activity key: it is never a result, and the index then
 * holds exactly the rows a campaign and activity search can match (facet-page.ts counts on it).
 */
export function searchKeysOf(email: EmailRecord): SearchKeys {
  const searchText = searchTextOf(email);
  return problemWith(email) === undefined ? { searchFacet: searchFacetOf(email), searchText } : { searchText };
}

/** The email with its search keys made afresh. */
export function withSearchKeys(email: EmailRecord): EmailRecord {
  const { searchFacet: _stale, ...rest } = email;
  return { ...rest, ...searchKeysOf(email) };
}

/** The email's row of the text indexes. */
export function gramsRowOf(email: EmailRecord): EmailGramsRecord {
  return { id: email.id, grams: textGramsOf(email), words: searchWordsOf(email) };
}

/**
 * The text-index row to store with `keyed` (made by withSearchKeys from `next`), or undefined when
 * the stored one still fits: `next` carries the stored row's searchText, and its text is the same.
 * A new email (no stored row) always gets one.
 */
export function gramsRowToWrite(next: EmailRecord, keyed: EmailRecord, isNew: boolean): EmailGramsRecord | undefined {
  return isNew || next.searchText !== keyed.searchText ? gramsRowOf(keyed) : undefined;
}
