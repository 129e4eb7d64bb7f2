import type { EmailRecord } from '../db/records';
import { searchWordsOf } from '../emails/search-words';
import { searchFacetOf } from './activity-facet';
import { textGramsOf } from './text-grams';

// The fields an email is indexed under for the quick filter and the search, made from the rest
// of the row. Every email write sets them through this one function (email-writes.ts, the demo
// mailbox, the v7 upgrade), so an index can never lag behind the row it points to.

export type SearchKeys = Pick<EmailRecord, 'searchWords' | 'searchGrams' | 'searchFacet'>;

export function searchKeysOf(email: EmailRecord): Required<SearchKeys> {
  return { searchWords: searchWordsOf(email), searchGrams: textGramsOf(email), searchFacet: searchFacetOf(email) };
}

/** The email with its search keys made afresh. */
export function withSearchKeys(email: EmailRecord): EmailRecord {
  return { ...email, ...searchKeysOf(email) };
}
