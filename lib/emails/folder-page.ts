import Dexie from 'dexie';
import type { CommandCenterDb } from '../db/database';
import type { EmailRecord } from '../db/records';
import { matchesFilter, toListRow, type ListRow } from './email-row';
import { readFolderCounts } from './email-writes';
import type { EmailStatus } from './status';

export interface FolderPageRequest {
  status: EmailStatus;
  offset: number;
  limit: number;
  filter?: string;
}

export interface FolderPage {
  offset: number;
  total: number;
  rows: ListRow[];
}

/**
 * One window of a folder, newest first by the folder's natural date. Unfiltered it is one index
 * count plus one index range (no scan); with a filter it scans the folder once for matching keys.
 */
export async function readFolderPage(db: CommandCenterDb, request: FolderPageRequest): Promise<FolderPage> {
  const range = () => db.emails.where('[status+folderDate]').between([request.status, Dexie.minKey], [request.status, Dexie.maxKey]).reverse();
  const needle = request.filter?.trim().toLowerCase();
  let total: number;
  let records: EmailRecord[];
  if (needle) {
    const ids = await range().filter((email) => matchesFilter(email, needle)).primaryKeys();
    total = ids.length;
    records = (await db.emails.bulkGet(ids.slice(request.offset, request.offset + request.limit))).filter((email) => email !== undefined);
  } else {
    // The folder's counter, not an index count: counting 100,000 rows on every change is a scan.
    [total, records] = await Promise.all([
      readFolderCounts(db).then((counts) => counts[request.status]),
      range().offset(request.offset).limit(request.limit).toArray(),
    ]);
  }
  return { offset: request.offset, total, rows: await withCampaignNames(db, records) };
}

export async function withCampaignNames(db: CommandCenterDb, records: EmailRecord[]): Promise<ListRow[]> {
  const campaignIds = [...new Set(records.map((email) => email.campaignId).filter((id): id is string => typeof id === 'string'))];
  const campaigns = await db.campaigns.bulkGet(campaignIds);
  const names = new Map(campaigns.filter((campaign) => campaign !== undefined).map((campaign) => [campaign.id, campaign.name]));
  return records.map((email) => toListRow(email, names));
}
