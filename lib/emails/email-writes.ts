import { type CommandCenterDb, emailTables } from '../db/database';
import type { EmailRecord } from '../db/records';
import { withinTransaction } from '../db/within-transaction';
import { leaveLists, withListUpkeep } from '../lists/list-membership';
import { withSearchKeys } from '../search/search-keys';
import { adjustFolderCount } from './folder-counters';

// Every write of an email goes through here, so its folder counter (folder-counters.ts), its
// quick-filter and search keys (lib/search/search-keys.ts) and its lists (lib/lists/list-membership.ts)
// change in the same transaction as the email.

/** Stores `next`; `previous` is the row it replaces (undefined for a new email). */
export function saveEmail(
  db: CommandCenterDb,
  next: EmailRecord,
  previous: Pick<EmailRecord, 'status'> | undefined,
): Promise<void> {
  return withinTransaction(db, emailTables(db), async () => {
    await db.emails.put(await withListUpkeep(db, withSearchKeys(next)));
    if (previous?.status !== next.status) {
      await adjustFolderCount(db, previous?.status, -1);
      await adjustFolderCount(db, next.status, +1);
    }
  });
}

export function removeEmail(db: CommandCenterDb, email: EmailRecord): Promise<void> {
  return withinTransaction(db, emailTables(db), async () => {
    const stored = await db.emails.get(email.id);
    await db.emails.delete(email.id);
    await adjustFolderCount(db, email.status, -1);
    if (stored) await leaveLists(db, stored);
  });
}
