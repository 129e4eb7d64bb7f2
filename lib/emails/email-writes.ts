import { addDelta, adjustCounters } from '../db/adjust-counters';
import { type CommandCenterDb, emailTables } from '../db/database';
import type { EmailRecord } from '../db/records';
import { withinTransaction } from '../db/within-transaction';
import { leaveLists, runnableLists, withListsOf } from '../lists/list-membership';
import { searchRowChange, withSearchKeys } from '../search/search-keys';
import { MEASURES, measureSince } from '../timing/measure';
import { counterId } from './folder-counter-id';
import { isEmailStatus } from './status';

// Every write of an email goes through here, so its folder counter (folder-counters.ts), its
// quick-filter and search keys (lib/search/search-keys.ts) and its lists (lib/lists/list-membership.ts)
// change in the same transaction as the email.

/** One email to store: `next`, and the status of the row it replaces (undefined for a new email). */
export interface EmailChange {
  next: EmailRecord;
  previous: Pick<EmailRecord, 'status'> | undefined;
}

/** Stores `next`; `previous` is the row it replaces (undefined for a new email). Answers the row as stored. */
export async function saveEmail(
  db: CommandCenterDb,
  next: EmailRecord,
  previous: Pick<EmailRecord, 'status'> | undefined,
): Promise<EmailRecord> {
  const [stored] = await saveEmails(db, [{ next, previous }]);
  return stored!;
}

/**
 * Stores several different emails with one request per table (a page of views touches hundreds): every
 * list checked against each, and all the counters they move read and written once. Answers the
 * rows as stored (with their keys and lists).
 */
export function saveEmails(db: CommandCenterDb, changes: readonly EmailChange[]): Promise<EmailRecord[]> {
  if (changes.length === 0) return Promise.resolve([]);
  // Each change reads its lists from its own `next`: the same email twice would count twice.
  if (new Set(changes.map(({ next }) => next.id)).size !== changes.length)
    return Promise.reject(new Error('saveEmails: the same email twice in one write'));
  return withinTransaction(db, emailTables(db), async () => {
    const lists = await runnableLists(db);
    const started = performance.now();
    const deltas = new Map<string, number>();
    const rows: EmailRecord[] = [];
    const searchRows = [];
    const unsearchable: string[] = [];
    for (const { next, previous } of changes) {
      const keyed = withSearchKeys(next);
      const row = searchRowChange(next, keyed, previous === undefined);
      if (row === 'delete') unsearchable.push(next.id);
      else if (row) searchRows.push(row);
      rows.push(withListsOf(lists, keyed, deltas));
      if (previous?.status === next.status) continue;
      if (isEmailStatus(previous?.status)) addDelta(deltas, counterId(previous.status), -1);
      if (isEmailStatus(next.status)) addDelta(deltas, counterId(next.status), +1);
    }
    measureSince(MEASURES.listUpkeep, started, { lists: lists.length, emails: rows.length });
    await Promise.all([
      searchRows.length ? db.emailSearch.bulkPut(searchRows) : undefined,
      unsearchable.length ? db.emailSearch.bulkDelete(unsearchable) : undefined,
      db.emails.bulkPut(rows),
      adjustCounters(db, deltas),
    ]);
    return rows;
  });
}

export function removeEmail(db: CommandCenterDb, email: EmailRecord): Promise<void> {
  return withinTransaction(db, emailTables(db), async () => {
    const stored = await db.emails.get(email.id);
    await db.emails.delete(email.id);
    await db.emailSearch.delete(email.id);
    await adjustCounters(db, new Map(isEmailStatus(email.status) ? [[counterId(email.status), -1]] : []));
    if (stored) await leaveLists(db, stored);
  });
}
