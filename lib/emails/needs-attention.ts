import Dexie from 'dexie';
import type { CommandCenterDb } from '../db/database';
import { type DamagedRow, problemWith } from './email-row';
import { EMAIL_STATUSES } from './status';

const MAX_ROWS = 200;

/**
 * Emails no folder can show. An unknown status (a newer version wrote it, or it is corrupted)
 * is found live with a few index seeks; rows the folder index skips (no dates, no status) are
 * found by the periodic scan below and read from its table. Cheap enough to run on every change.
 */
export async function findEmailsNeedingAttention(db: CommandCenterDb): Promise<DamagedRow[]> {
  // The key ranges between the known statuses (one seek each), not a walk over the whole index.
  const known = [...EMAIL_STATUSES].sort();
  const gaps = await Promise.all(
    [Dexie.minKey, ...known].map((low, index) =>
      db.emails
        .where('status')
        .between(low, known[index] ?? Dexie.maxKey, false, false)
        .limit(MAX_ROWS)
        .toArray(),
    ),
  );
  const unknown = gaps.flat();
  const rows: DamagedRow[] = unknown.map((email) => ({
    kind: 'damaged',
    id: String(email.id),
    problem: problemWith(email) ?? 'unknown status',
  }));
  const damaged = await db.damaged.limit(MAX_ROWS).toArray();
  const stillThere = await db.emails.bulkGet(damaged.map((row) => row.id));
  damaged.forEach((row, index) => {
    if (stillThere[index] && !rows.some((known) => known.id === row.id))
      rows.push({ kind: 'damaged', id: row.id, problem: row.problem });
  });
  return rows;
}

/**
 * The periodic part (maintenance): compares each folder's index with the status index (two
 * index counts per status) and, only where they differ, looks for the rows without dates.
 */
export async function scanForDamagedEmails(db: CommandCenterDb, now = Date.now()): Promise<number> {
  const found: { id: string; problem: string; at: number }[] = [];
  for (const status of EMAIL_STATUSES) {
    const [byStatus, inFolder] = await Promise.all([
      db.emails.where('status').equals(status).count(),
      db.emails.where('[status+folderDate]').between([status, Dexie.minKey], [status, Dexie.maxKey]).count(),
    ]);
    if (byStatus === inFolder) continue;
    const damaged = await db.emails
      .where('status')
      .equals(status)
      .filter((email) => typeof email.folderDate !== 'number')
      .limit(MAX_ROWS)
      .toArray();
    found.push(
      ...damaged.map((email) => ({ id: email.id, problem: problemWith(email) ?? 'its dates are missing', at: now })),
    );
  }
  const [all, withStatus] = await Promise.all([db.emails.count(), db.emails.where('status').above('').count()]);
  if (all > withStatus) {
    const unindexed = await db.emails
      .filter((email) => typeof email.status !== 'string')
      .limit(MAX_ROWS)
      .toArray();
    found.push(
      ...unindexed.map((email) => ({
        id: String(email.id),
        problem: problemWith(email) ?? 'it has no status',
        at: now,
      })),
    );
  }
  await db.transaction('rw', db.damaged, async () => {
    await db.damaged.clear();
    await db.damaged.bulkPut(found);
  });
  return found.length;
}
