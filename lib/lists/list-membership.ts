import { addDelta, adjustCounters } from '../db/adjust-counters';
import type { CommandCenterDb } from '../db/database';
import type { EmailRecord } from '../db/records';
import { problemWith } from '../emails/email-row';
import { matchesSoundEmail } from '../search/predicate';
import { checkQuery, type SearchQuery } from '../search/query';

// Lists are dynamic (issue #15): every write of an email (lib/emails/email-writes.ts) checks that
// one email against every list, in the same transaction, and keeps its `lists` and `newIn` and
// each list's two counters (withListsOf). Nothing else is scanned: an event costs one predicate
// per list.

export interface RunnableList {
  id: string;
  query: SearchQuery;
}

/** Counter ids (the counters table) of a list's size and of its members new since it was opened. */
export const listCountId = (id: string) => `list:${id}`;
export const listNewId = (id: string) => `listNew:${id}`;
/** Grows with every change of any list's query or existence: tells a cached set of lists is stale. */
export const LISTS_VERSION_ID = 'lists:version';

interface Cache {
  version: number;
  lists: RunnableList[];
}
const caches = new WeakMap<CommandCenterDb, Cache>();

/**
 * The lists every email write is checked against: those not deleted whose query this version can
 * run. Read again only when LISTS_VERSION_ID moved (one counter read per write otherwise), so a
 * worker restart or a change in another transaction is never missed.
 */
export async function runnableLists(db: CommandCenterDb): Promise<RunnableList[]> {
  const version = (await db.counters.get(LISTS_VERSION_ID))?.value ?? 0;
  const cached = caches.get(db);
  if (cached && cached.version === version) return cached.lists;
  const lists: RunnableList[] = [];
  for (const list of await db.savedSearches.toArray()) {
    if (list.deletedAt !== undefined) continue;
    const checked = checkQuery(list.query);
    if (checked.ok) lists.push({ id: list.id, query: checked.query });
  }
  caches.set(db, { version, lists });
  return lists;
}

/** Marks every cached set of lists stale: after a list is saved, changed, deleted or restored. */
export async function bumpListsVersion(db: CommandCenterDb): Promise<void> {
  const current = (await db.counters.get(LISTS_VERSION_ID))?.value ?? 0;
  await db.counters.put({ id: LISTS_VERSION_ID, value: current + 1 });
}

export function listsMatching(lists: readonly RunnableList[], email: EmailRecord): string[] {
  if (problemWith(email) !== undefined) return [];
  return lists.filter((list) => matchesSoundEmail(list.query, email)).map((list) => list.id);
}

/**
 * The email as it is to be stored, its lists brought up to date, with the counter changes this
 * makes noted in `deltas`. `next.lists` is what it was a member of (the caller's row, spread),
 * absent for a new email.
 */
export function withListsOf(
  lists: readonly RunnableList[],
  next: EmailRecord,
  deltas: Map<string, number>,
): EmailRecord {
  const before = new Set(next.lists ?? []);
  const member = listsMatching(lists, next);
  const after = new Set(member);
  const wasNew = new Set(next.newIn ?? []);
  const newIn = [
    ...new Set([...(next.newIn ?? []).filter((id) => after.has(id)), ...member.filter((id) => !before.has(id))]),
  ];
  for (const id of member) {
    if (before.has(id)) continue;
    addDelta(deltas, listCountId(id), +1);
    if (!wasNew.has(id)) addDelta(deltas, listNewId(id), +1);
  }
  for (const id of before) {
    if (after.has(id)) continue;
    addDelta(deltas, listCountId(id), -1);
    if (wasNew.has(id)) addDelta(deltas, listNewId(id), -1);
  }
  const { lists: _lists, newIn: _newIn, ...rest } = next;
  return { ...rest, ...(member.length ? { lists: member } : {}), ...(newIn.length ? { newIn } : {}) };
}

/**
 * Lists for emails written in bulk around the email writes (the demo seed): each email's `lists`
 * set before it is stored, the counters moved for the rows it replaces and for the new ones.
 */
export async function assignListsInBulk(db: CommandCenterDb, emails: EmailRecord[]): Promise<void> {
  const lists = await runnableLists(db);
  const replaced = await db.emails.bulkGet(emails.map((email) => email.id));
  const left = new Map<string, number>();
  for (const old of replaced) {
    for (const id of old?.lists ?? []) left.set(listCountId(id), (left.get(listCountId(id)) ?? 0) - 1);
    for (const id of old?.newIn ?? []) left.set(listNewId(id), (left.get(listNewId(id)) ?? 0) - 1);
  }
  await adjustCounters(db, left);
  if (lists.length === 0) return;
  const joined = new Map<string, number>();
  for (const email of emails) {
    const member = listsMatching(lists, email);
    if (member.length) email.lists = member;
    for (const id of member) joined.set(listCountId(id), (joined.get(listCountId(id)) ?? 0) + 1);
  }
  await adjustCounters(db, joined);
}

/** An email leaves every list (it was deleted). */
export async function leaveLists(db: CommandCenterDb, email: Pick<EmailRecord, 'lists' | 'newIn'>): Promise<void> {
  const deltas = new Map<string, number>();
  for (const id of email.lists ?? []) deltas.set(listCountId(id), -1);
  for (const id of email.newIn ?? []) deltas.set(listNewId(id), -1);
  await adjustCounters(db, deltas);
}
