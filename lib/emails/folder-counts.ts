import type { CommandCenterDb } from '../db/database';
import { EMAIL_STATUSES, type FolderCounts } from './status';

/** All eight folder counts, each one an index count (no rows are read). */
export async function countFolders(db: CommandCenterDb): Promise<FolderCounts> {
  const counts = await Promise.all(EMAIL_STATUSES.map((status) => db.emails.where('status').equals(status).count()));
  return Object.fromEntries(EMAIL_STATUSES.map((status, index) => [status, counts[index] ?? 0])) as FolderCounts;
}
