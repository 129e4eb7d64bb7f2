import type { CommandCenterDb } from '../db/database';
import type { EmailRecord } from '../db/records';
import { readCandidates } from './candidates';
import { facetPage } from './facet-page';
import { compareResults, matchesQuery } from './predicate';
import type { SearchQuery } from './query';
import type { PageRequest, SearchPage } from './search-page';
import { searchRowPage } from './search-row-page';

// The full search (issue #15): the indexes say which emails could match (candidates.ts), the
// predicate says which do. Every result has passed matchesQuery, so the search and a list's
// upkeep (which checks one email with the same predicate) cannot disagree. The events table is
// never read: the engagement the filters ask about is summed up on each email. A newest-first
// search of campaigns and activity alone, or one with text, is answered without reading every
// match: from the campaign and activity index (facet-page.ts), or from the search rows
// (search-row-page.ts).

/** Every email that matches, in no particular order. */
async function findMatches(db: CommandCenterDb, query: SearchQuery): Promise<EmailRecord[]> {
  const candidates =
    (await readCandidates(db, query)) ??
    (await (query.statuses ? db.emails.where('status').anyOf(query.statuses) : db.emails.toCollection()).toArray());
  // A prefix lookup ("an" under "dan", "ana" and "an") can meet an email more than once.
  const seen = new Set<string>();
  return candidates.filter((email): email is EmailRecord => {
    if (email === undefined || seen.has(email.id)) return false;
    seen.add(email.id);
    return matchesQuery(query, email);
  });
}

/** One page of the results in the query's order, and how many there are in all. */
export async function searchEmails(db: CommandCenterDb, query: SearchQuery, page: PageRequest): Promise<SearchPage> {
  const fromIndex = (await facetPage(db, query, page)) ?? (await searchRowPage(db, query, page));
  if (fromIndex) return fromIndex;
  const matches = await findMatches(db, query);
  matches.sort(compareResults(query.sort, query.trustedOnly));
  return { total: matches.length, rows: matches.slice(page.offset, page.offset + page.limit) };
}

/** The id of every email that matches, in the query's order (bulk actions, a list's members). */
export async function searchIds(db: CommandCenterDb, query: SearchQuery): Promise<string[]> {
  const matches = await findMatches(db, query);
  return matches.sort(compareResults(query.sort, query.trustedOnly)).map((email) => email.id);
}
