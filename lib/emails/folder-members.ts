import Dexie from 'dexie';
import type { CommandCenterDb } from '../db/database';
import { findByWords } from './folder-page';
import { wordsIn } from './search-words';
import type { EmailStatus } from './status';

export interface FolderMembers {
  /** Every email of the folder (or of the filter's result). */
  ids: string[];
  /** Those of them that belong to a campaign (deleting those asks first). */
  campaignIds: string[];
}

/**
 * The whole folder or filtered result, for "select all": keys only, read from the indexes, so
 * 100,000 emails are a few hundred milliseconds and never a silent subset of what was loaded.
 */
export async function readFolderMembers(db: CommandCenterDb, status: EmailStatus, filter = ''): Promise<FolderMembers> {
  const query = wordsIn(filter);
  if (query.length > 0) {
    const matches = await findByWords(db, status, query);
    return {
      ids: matches.map((email) => email.id),
      campaignIds: matches.filter((email) => email.campaignId !== undefined).map((email) => email.id),
    };
  }
  const [ids, inCampaigns] = await Promise.all([
    db.emails.where('[status+folderDate]').between([status, Dexie.minKey], [status, Dexie.maxKey]).primaryKeys(),
    db.emails.orderBy('campaignId').primaryKeys(),
  ]);
  const members = new Set(ids);
  return { ids, campaignIds: inCampaigns.filter((id) => members.has(id)) };
}
