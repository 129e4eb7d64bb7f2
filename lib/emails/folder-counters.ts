import { type CommandCenterDb, emailTables } from '../db/database';
import { withinTransaction } from '../db/within-transaction';
import { counterId } from './folder-counter-id';
import { EMAIL_STATUSES, type FolderCounts } from './status';

// The folder counts: one counter row per status, changed by email-writes.ts in the same
// transaction as the email. Counting an index of 100,000 emails on every change would cost a
// scan; reading eight counters costs nothing.

/** Counts every folder from the status index and stores the counts (after bulk writes, and to heal drift). */
export function recountFolders(db: CommandCenterDb): Promise<FolderCounts> {
  return withinTransaction(db, emailTables(db), async () => {
    const values = await Promise.all(EMAIL_STATUSES.map((status) => db.emails.where('status').equals(status).count()));
    await db.counters.bulkPut(
      EMAIL_STATUSES.map((status, index) => ({ id: counterId(status), value: values[index] ?? 0 })),
    );
    return Object.fromEntries(EMAIL_STATUSES.map((status, index) => [status, values[index] ?? 0])) as FolderCounts;
  });
}

/**
 * The eight folder counts from their counters. Read-only (it runs inside live queries): when the
 * counters were never stored it counts the index instead, and ensureFolderCounters stores them.
 */
export async function readFolderCounts(db: CommandCenterDb): Promise<FolderCounts> {
  const counters = await db.counters.bulkGet(EMAIL_STATUSES.map(counterId));
  const values = counters.every((counter) => counter !== undefined)
    ? counters.map((counter) => counter.value)
    : await Promise.all(EMAIL_STATUSES.map((status) => db.emails.where('status').equals(status).count()));
  return Object.fromEntries(EMAIL_STATUSES.map((status, index) => [status, values[index] ?? 0])) as FolderCounts;
}

/** At worker start: makes sure the counters exist (a new database, or one a crash left without them). */
export async function ensureFolderCounters(db: CommandCenterDb): Promise<void> {
  const counters = await db.counters.bulkGet(EMAIL_STATUSES.map(counterId));
  if (counters.some((counter) => counter === undefined)) await recountFolders(db);
}
