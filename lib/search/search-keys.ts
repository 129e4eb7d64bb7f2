import type { EmailRecord, EmailSearchRecord } from '../db/records';
import { problemWith } from '../emails/email-row';
import { searchWordsOf } from '../emails/search-words';
import { searchFacetOf } from './activity-facet';
import { recipientsOf } from './predicate';
import { textGramsOf } from './text-grams';

// The fields an email is indexed under for the quick filter and the search, made from the rest
// of the row. Every email write sets them through this one function (email-writes.ts, the demo
// mailbox, the upgrades), so an index can never lag behind the row it points to.
//
// The text indexes live on a search row of their own (`emailSearch`), with what a text search
// filters and sorts by (search-row-page.ts). `searchRow` on the email says what its search row
// was made from: a write that changes none of it (a view, most often) leaves that row alone.
// A damaged email has neither: it is never a result, so the indexes hold exactly the rows a
// search can match (facet-page.ts and search-row-page.ts count on it).

export type SearchKeys = Pick<EmailRecord, 'searchFacet' | 'searchRow'>;

/** The recipients and subject, exactly as far as the text filters read them. */
export function searchTextOf(email: Pick<EmailRecord, 'subject' | 'to' | 'cc' | 'bcc'>): string {
  const subject = typeof email.subject === 'string' ? email.subject : null;
  const people = recipientsOf(email).map((r) => [typeof r.name === 'string' ? r.name : null, r.address]);
  return JSON.stringify([subject, people]);
}

/** The text filters' view of a search row's text: its subject and recipients (searchTextOf's inverse). */
export function textOfRow(row: Pick<EmailSearchRecord, 'text'>): Pick<EmailRecord, 'subject' | 'to'> {
  const [subject, people] = JSON.parse(row.text) as [string | null, [string | null, string][]];
  return {
    subject: subject ?? '',
    to: people.map(([name, address]) => (name === null ? { address } : { name, address })),
  };
}

/** What a sound email's search row is made from, as one string. */
function searchRowKeyOf(email: EmailRecord, facet: [number, string]): string {
  return JSON.stringify([searchTextOf(email), email.status, email.folderDate, facet]);
}

export function searchKeysOf(email: EmailRecord): SearchKeys {
  if (problemWith(email) !== undefined) return {};
  const searchFacet = searchFacetOf(email);
  return { searchFacet, searchRow: searchRowKeyOf(email, searchFacet) };
}

/** The email with its search keys made afresh. */
export function withSearchKeys(email: EmailRecord): EmailRecord {
  const { searchFacet: _facet, searchRow: _row, ...rest } = email;
  return { ...rest, ...searchKeysOf(email) };
}

/** A sound email's search row. */
export function searchRowOf(email: EmailRecord): EmailSearchRecord {
  return {
    id: email.id,
    grams: textGramsOf(email),
    words: searchWordsOf(email),
    text: searchTextOf(email),
    status: email.status,
    folderDate: email.folderDate,
    facet: email.searchFacet ?? searchFacetOf(email),
  };
}

/**
 * What to do with the search row of `keyed` (withSearchKeys of `next`): store a new one, delete
 * it (the email is damaged now), or nothing when the stored one still fits: `next` carries the
 * stored row's `searchRow`, and nothing it was made from changed. A new email always gets one.
 */
export function searchRowChange(
  next: EmailRecord,
  keyed: EmailRecord,
  isNew: boolean,
): EmailSearchRecord | 'delete' | undefined {
  if (keyed.searchRow === undefined) return isNew ? undefined : 'delete';
  return isNew || next.searchRow !== keyed.searchRow ? searchRowOf(keyed) : undefined;
}
