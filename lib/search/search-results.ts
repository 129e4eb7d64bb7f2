import type { CommandCenterDb } from '../db/database';
import type { ListRow } from '../emails/email-row';
import { withOpenTasks } from '../emails/email-tasks';
import { withCampaignNames } from '../emails/folder-page';
import { type PageRequest, searchEmails } from './evaluate';
import { checkQuery, type QueryCheck } from './query';

// What the sidebar's search shows: one page of results as the folders' rows (campaign names,
// task chips), with their count; or, for a query that is not valid, what is wrong with which
// field. An invalid query never runs, so a damaged saved list shows a note and nothing breaks.

export type SearchResults = { ok: true; total: number; rows: ListRow[] } | Exclude<QueryCheck, { ok: true }>;

export async function readSearchResults(
  db: CommandCenterDb,
  input: unknown,
  page: PageRequest,
): Promise<SearchResults> {
  const checked = checkQuery(input);
  if (!checked.ok) return checked;
  const { total, rows } = await searchEmails(db, checked.query, page);
  return { ok: true, total, rows: await withOpenTasks(db, await withCampaignNames(db, rows)) };
}
