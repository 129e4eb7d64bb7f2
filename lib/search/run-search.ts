import type { CommandCenterDb } from '../db/database';
import type { EmailRecord } from '../db/records';
import type { ListRow } from '../emails/email-row';
import { withOpenTasks } from '../emails/email-tasks';
import { withCampaignNames } from '../emails/folder-page';
import { searchEmails } from './evaluate';
import { checkQuery, type QueryCheck } from './query';

// What the sidebar's search shows (query `search.run`): one page of results as the folders' rows
// (campaign names, task chips), with their count; or, for a query that is not valid, what is
// wrong with which field. An invalid query never runs, so a damaged saved list shows a note.

export type SearchResult =
  | { ok: true; total: number; offset: number; rows: ListRow[] }
  | Exclude<QueryCheck, { ok: true }>;

/** Every email the query matches, in its order (the CSV export), or why the query cannot run. */
export async function findMatches(
  db: CommandCenterDb,
  query: unknown,
): Promise<EmailRecord[] | Exclude<QueryCheck, { ok: true }>> {
  const checked = checkQuery(query);
  if (!checked.ok) return checked;
  return (await searchEmails(db, checked.query, { offset: 0, limit: Number.MAX_SAFE_INTEGER })).rows;
}

export async function runSearch(
  db: CommandCenterDb,
  query: unknown,
  offset: number,
  limit: number,
): Promise<SearchResult> {
  const checked = checkQuery(query);
  if (!checked.ok) return checked;
  const { total, rows } = await searchEmails(db, checked.query, { offset, limit });
  return { ok: true, total, offset, rows: await withOpenTasks(db, await withCampaignNames(db, rows)) };
}
