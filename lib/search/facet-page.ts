import Dexie from 'dexie';
import type { CommandCenterDb } from '../db/database';
import type { EmailRecord } from '../db/records';
import { activitiesFor, NO_CAMPAIGN_KEY } from './activity-facet';

import { compareResults, matchesQuery } from './predicate';
import type { SearchQuery } from './query';
import type { PageRequest, SearchPage } from './search-page';

// The newest-first page of a search that asks only about campaigns and activity ("campaign X,
// viewed, clicked, not replied"), from the [searchFacet+folderDate] index: for each (activity,
// campaign) key its count and its newest rows, never the thousands of rows behind them. Such a
// query matches exactly the rows under its keys (activity-facet.ts; a damaged row has no key,
// search-keys.ts), so the count is the index's. Every row shown still passes the predicate.

/** More keys than this (many campaigns, little asked of activity): the full search instead. */
const MAX_KEYS = 64;
/** A window deeper than this reads about as much as the full search: it is left to it. */
const MAX_DEPTH = 1_000;

/** The index keys whose rows are exactly the query's matches, or undefined when the query asks more. */
export function facetKeysOf(query: SearchQuery): [number, string][] | undefined {
  if (query.sort !== 'date' || !query.campaigns || query.statuses || query.dates) return undefined;
  if (query.person !== undefined || query.subject !== undefined || query.domain !== undefined) return undefined;
  // "At least one" is what the activity bits say; more than one needs the counts.
  if ((query.minViews ?? 0) > 1 || (query.minClicks ?? 0) > 1) return undefined;
  const campaigns = new Set([...query.campaigns.ids, ...(query.campaigns.none ? [NO_CAMPAIGN_KEY] : [])]);
  const activities = activitiesFor(query);
  if (activities.length * campaigns.size > MAX_KEYS) return undefined;
  return activities.flatMap((bits) => [...campaigns].map((campaign): [number, string] => [bits, campaign]));
}

/** The page, or undefined when the index cannot answer it (then the full search does). */
export async function facetPage(
  db: CommandCenterDb,
  query: SearchQuery,
  page: PageRequest,
): Promise<SearchPage | undefined> {
  const keys = facetKeysOf(query);
  const wanted = page.offset + page.limit;
  if (!keys || wanted > MAX_DEPTH) return undefined;
  const index = () => db.emails.where('[searchFacet+folderDate]');
  const range = (key: [number, string]) => index().between([key, Dexie.minKey], [key, Dexie.maxKey], true, true);
  const [counts, newest] = await Promise.all([
    Promise.all(keys.map((key) => range(key).count())),
    Promise.all(keys.map((key) => range(key).reverse().limit(wanted).toArray())),
  ]);
  // Equal dates come in id order, which a reversed read does not give: where a key's read was
  // cut, every row of the date it was cut at.
  const ties = await Promise.all(
    newest.map((rows, at) => {
      const last = rows.at(-1);
      if (rows.length < wanted || !last) return [];
      const cut = [keys[at]!, last.folderDate];
      return index().between(cut, cut, true, true).toArray();
    }),
  );
  const rows = new Map<string, EmailRecord>();
  for (const email of [...newest.flat(), ...ties.flat()]) rows.set(email.id, email);
  const sorted = [...rows.values()].sort(compareResults(query.sort, query.trustedOnly));
  // A row changed behind the index's back (another version's write): the full search decides.
  if (!sorted.every((email) => matchesQuery(query, email))) return undefined;
  return {
    total: counts.reduce((sum, count) => sum + count, 0),
    rows: sorted.slice(page.offset, wanted),
  };
}
