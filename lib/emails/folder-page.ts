import type { CommandCenterDb } from '../db/database';
import type { EmailRecord } from '../db/records';
import { type ListRow, toListRow } from './email-row';
import { withOpenTasks } from './email-tasks';
import { readFolderCounts } from './folder-counters';
import { type RowAnchor, readFolderWindow } from './folder-window';
import { matchesWords, searchWordsOf, wordsIn } from './search-words';
import { type EmailStatus, folderOrder } from './status';

export interface FolderPageRequest {
  status: EmailStatus;
  offset: number;
  limit: number;
  filter?: string | undefined;
  /** A row the list already showed just before `offset`, to seek from (see folder-window.ts). */
  anchor?: RowAnchor | undefined;
}

export interface FolderPage {
  offset: number;
  total: number;
  rows: ListRow[];
}

/**
 * One window of a folder, newest first by the folder's natural date. Unfiltered: the folder's
 * counter plus one index range. Filtered: the rows whose words match, found by the word index.
 */
export async function readFolderPage(db: CommandCenterDb, request: FolderPageRequest): Promise<FolderPage> {
  const query = wordsIn(request.filter ?? '');
  let total: number;
  let records: EmailRecord[];
  if (query.length > 0) {
    const matches = await findByWords(db, request.status, query);
    total = matches.length;
    records = matches.slice(request.offset, request.offset + request.limit);
  } else {
    // The folder's counter, not an index count: counting 100,000 rows on every change is a scan.
    [total, records] = await Promise.all([
      readFolderCounts(db).then((counts) => counts[request.status]),
      readFolderWindow(db, request.status, request.offset, request.limit, request.anchor),
    ]);
  }
  return { offset: request.offset, total, rows: await withOpenTasks(db, await withCampaignNames(db, records)) };
}

/** A folder's emails whose words start with every word of the query, in the folder's order. */
export async function findByWords(db: CommandCenterDb, status: EmailStatus, query: string[]): Promise<EmailRecord[]> {
  // Look up the longest word (fewest candidates), then check the others on the rows found.
  const longest = query.reduce((a, b) => (b.length > a.length ? b : a));
  // The words live with the email's other text indexes (v9), keyed by the email's id.
  const ids = await db.emailSearch.where('words').startsWith(longest).distinct().primaryKeys();
  const candidates = await db.emails.bulkGet(ids);
  return candidates
    .filter(
      (email): email is EmailRecord =>
        email !== undefined && email.status === status && matchesWords(searchWordsOf(email), query),
    )
    .sort(
      folderOrder(status) === 'soonest' ? (a, b) => a.folderDate - b.folderDate : (a, b) => b.folderDate - a.folderDate,
    );
}

export async function withCampaignNames(db: CommandCenterDb, records: EmailRecord[]): Promise<ListRow[]> {
  const campaignIds = [
    ...new Set(records.map((email) => email.campaignId).filter((id): id is string => typeof id === 'string')),
  ];
  const campaigns = await db.campaigns.bulkGet(campaignIds);
  const names = new Map(
    campaigns.filter((campaign) => campaign !== undefined).map((campaign) => [campaign.id, campaign.name]),
  );
  return records.map((email) => toListRow(email, names));
}
