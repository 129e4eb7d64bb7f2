import type { CommandCenterDb } from '../db/database';
import type { EmailSearchRecord } from '../db/records';
import type { EmailStatus } from '../emails/status';
import { activitiesFor, NO_CAMPAIGN_KEY } from './activity-facet';
import { matchesQuery, matchesText } from './predicate';
import type { SearchQuery } from './query';
import { textOfRow } from './search-keys';
import type { PageRequest, SearchPage } from './search-page';
import { type GramLookup, gramLookups, PERSON_MARK, SUBJECT_MARK } from './text-grams';

// The newest-first page of a text search ("person contains ana", in Delivered, clicked) from the
// search rows (lib/search/search-keys.ts): one index read of the rows under the query's most
// telling text piece, each checked on its own row (text, status, campaign, kind of engagement),
// then only the page's emails read. Reading thousands of emails one by one is what it avoids:
// an index range of rows is read several times faster than the same rows by id.

/** The query's most telling text piece: a whole piece narrows better than the start of one. */
function lookupOf(query: SearchQuery): GramLookup | undefined {
  const lookups = [
    ...(query.person ? gramLookups(PERSON_MARK, query.person) : []),
    ...(query.subject ? gramLookups(SUBJECT_MARK, query.subject) : []),
    ...(query.domain ? gramLookups(PERSON_MARK, query.domain) : []),
  ].flat();
  return lookups.find((lookup) => !lookup.prefix) ?? lookups[0];
}

/**
 * Whether every filter of the query can be checked on a search row: newest first, with text that
 * has letters or digits to look up ("@" alone has none: it narrows nothing).
 */
export function answeredBySearchRows(query: SearchQuery): boolean {
  if (query.sort !== 'date' || query.dates) return false;
  if ((query.minViews ?? 0) > 1 || (query.minClicks ?? 0) > 1) return false;
  return lookupOf(query) !== undefined;
}

/** The query on a search row: exactly matchesQuery for the queries answeredBySearchRows takes. */
function rowMatches(query: SearchQuery, row: EmailSearchRecord, activities: ReadonlySet<number>): boolean {
  if (query.statuses && !query.statuses.includes(row.status as EmailStatus)) return false;
  const [bits, campaign] = row.facet;
  if (!activities.has(bits)) return false;
  if (query.campaigns) {
    const inCampaign = campaign !== NO_CAMPAIGN_KEY && query.campaigns.ids.includes(campaign);
    if (!inCampaign && !(query.campaigns.none === true && campaign === NO_CAMPAIGN_KEY)) return false;
  }
  return matchesText(query, textOfRow(row));
}

/** The page, or undefined when the search rows cannot answer it (then the full search does). */
export async function searchRowPage(
  db: CommandCenterDb,
  query: SearchQuery,
  page: PageRequest,
): Promise<SearchPage | undefined> {
  const lookup = lookupOf(query);
  if (!lookup || !answeredBySearchRows(query)) return undefined;
  const index = db.emailSearch.where('grams');
  const rows = await (lookup.prefix ? index.startsWith(lookup.key) : index.equals(lookup.key)).toArray();
  const activities = new Set(activitiesFor(query));
  const seen = new Set<string>();
  const matches = rows.filter((row) => {
    if (seen.has(row.id)) return false; // a prefix lookup meets a row once per piece it starts
    seen.add(row.id);
    return rowMatches(query, row, activities);
  });
  // The folder's own order, as compareResults has it for `date`: newest first, then by id.
  matches.sort((a, b) => b.folderDate - a.folderDate || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = matches.slice(page.offset, page.offset + page.limit).map((row) => row.id);
  const emails = await db.emails.bulkGet(ids);
  // An email changed behind its search row's back (another version's write): the full search decides.
  if (!emails.every((email) => email !== undefined && matchesQuery(query, email))) return undefined;
  return { total: matches.length, rows: emails.filter((email) => email !== undefined) };
}
