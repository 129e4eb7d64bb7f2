import Dexie from 'dexie';
import type { CommandCenterDb } from '../db/database';
import { problemWith, type DamagedRow } from './email-row';
import { EMAIL_STATUSES } from './status';

const MAX_ROWS = 200;

/**
 * Emails no folder can show: an unknown status (a newer version wrote it, or it is corrupted),
 * or dates missing so the folder's index skips them. Found with index counts, so it stays cheap
 * when nothing is wrong.
 */
export async function findEmailsNeedingAttention(db: CommandCenterDb): Promise<DamagedRow[]> {
  const unknown = await db.emails.where('status').noneOf([...EMAIL_STATUSES]).limit(MAX_ROWS).toArray();
  const rows: DamagedRow[] = unknown.map((email) => ({ kind: 'damaged', id: String(email.id), problem: problemWith(email) ?? 'unknown status' }));
  // Rows without a status at all are in no status index; count them against the table.
  const [all, indexed] = await Promise.all([db.emails.count(), db.emails.where('status').above('').count()]);
  const counts = await Promise.all(
    EMAIL_STATUSES.map(async (status) => {
      const [byStatus, inFolder] = await Promise.all([
        db.emails.where('status').equals(status).count(),
        db.emails.where('[status+folderDate]').between([status, Dexie.minKey], [status, Dexie.maxKey]).count(),
      ]);
      return { status, missing: byStatus - inFolder };
    }),
  );
  for (const { status, missing } of counts) {
    if (missing <= 0) continue;
    const damaged = await db.emails.where('status').equals(status).filter((email) => typeof email.folderDate !== 'number').limit(MAX_ROWS).toArray();
    rows.push(...damaged.map((email) => ({ kind: 'damaged' as const, id: email.id, problem: problemWith(email) ?? 'its dates are missing' })));
  }
  if (all > indexed) {
    const unindexed = await db.emails.filter((email) => typeof email.status !== 'string').limit(MAX_ROWS).toArray();
    rows.push(...unindexed.map((email) => ({ kind: 'damaged' as const, id: String(email.id), problem: problemWith(email) ?? 'it has no status' })));
  }
  return rows.slice(0, MAX_ROWS);
}
