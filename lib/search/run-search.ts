import type { CommandCenterDb } from '../db/database';
import type { EmailRecord } from '../db/records';
import type { ListRow } from '../emails/email-row';
import { withOpenTasks } from '../emails/email-tasks';
import { withCampaignNames } from '../emails/folder-page';
import { compareResults, matchesQuery } from './predicate';
import { checkQuery, type QueryCheck } from './query';

// The search the sidebar runs (query `search.run`): the query checked first, so an invalid one
// names its field instead of running, then one window of the results in the query's order.

export type SearchResult =
  | { ok: true; total: number; offset: number; rows: ListRow[] }
  | Exclude<QueryCheck, { ok: true }>;

/** Every email the query matches, in its order. */
export async function findMatches(
  db: CommandCenterDb,
  query: unknown,
): Promise<EmailRecord[] | Exclude<QueryCheck, { ok: true }>> {
  const checked = checkQuery(query);
  if (!checked.ok) return checked;
  const q = checked.query;
  const matches = await db.emails.filter((email) => matchesQuery(q, email)).toArray();
  return matches.sort(compareResults(q.sort, q.trustedOnly));
}

export async function runSearch(
  db: CommandCenterDb,
  query: unknown,
  offset: number,
  limit: number,
): Promise<SearchResult> {
  const matches = await findMatches(db, query);
  if (!Array.isArray(matches)) return matches;
  const window = matches.slice(offset, offset + limit);
  return {
    ok: true,
    total: matches.length,
    offset,
    rows: await withOpenTasks(db, await withCampaignNames(db, window)),
  };
}
