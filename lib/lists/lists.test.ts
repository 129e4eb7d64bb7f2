import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import { seedDemo } from '../demo/seed-demo';
import { deleteEmails, restoreEmails } from '../emails/actions';
import { saveEmail } from '../emails/email-writes';
import { changeStatus } from '../emails/lifecycle';
import { emptyQuery, type SearchQuery } from '../search/query';
import { applyServerEvent } from '../tracking/apply-event';
import type { ServerEvent } from '../tracking/server-event';
import {
  deleteList,
  listSummaries,
  openList,
  readListPage,
  recomputeLists,
  renameList,
  restoreList,
  saveList,
} from './lists';

let db: CommandCenterDb;
beforeEach(() => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const NOW = Date.UTC(2026, 10, 25, 10);
const query = (over: Partial<SearchQuery>): SearchQuery => ({ ...emptyQuery(), ...over });
/** "Campaign Q4, viewed, clicked, not replied": the seed's own retargeting example. */
const ENGAGED = query({ campaigns: { ids: ['q4'] }, viewed: 'yes', clicked: 'yes', replied: 'no' });

let cursor = 0;
const hit = (
  messageId: string,
  type: 'view' | 'click',
  classification: ServerEvent['classification'] = 'human',
): ServerEvent => ({
  cursor: String(++cursor),
  messageId,
  type,
  at: new Date(NOW + cursor * 1000).toISOString(),
  classification,
  reason: 'human: browser',
  reasonCode: 'human.browser',
});
const summary = async (id: string) => (await listSummaries(db)).find((list) => list.id === id);

async function seed() {
  await db.campaigns.bulkPut([
    { id: 'q4', name: 'Q4', createdAt: 0 },
    { id: 'other', name: 'Other', createdAt: 0 },
  ]);
  for (const [id, campaignId] of [
    ['a', 'q4'],
    ['b', 'q4'],
    ['c', 'other'],
    ['d', 'q4'],
  ] as const)
    await saveEmail(db, testEmail(id, 'delivered', { campaignId, sentAt: NOW - 3_600_000 }), undefined);
}

describe('a list', () => {
  it('holds what its search finds when saved, none of it new, and grows live as people engage', async () => {
    await seed();
    await applyServerEvent(db, hit('a', 'view'));
    await applyServerEvent(db, hit('a', 'click'));
    await saveList(db, 'L1', '  Engaged   in Q4 ', ENGAGED, NOW);
    expect(await summary('L1')).toMatchObject({ name: 'Engaged in Q4', count: 1, newCount: 0 });

    // b is viewed (not enough), then clicked: it joins, and is new. A scanner's click on d is not a person.
    await applyServerEvent(db, hit('b', 'view'));
    expect((await summary('L1'))?.count).toBe(1);
    await applyServerEvent(db, hit('b', 'click'));
    await applyServerEvent(db, hit('d', 'view', 'scanner'));
    await applyServerEvent(db, hit('d', 'click', 'scanner'));
    // c engaged, but in another campaign.
    await applyServerEvent(db, hit('c', 'view'));
    await applyServerEvent(db, hit('c', 'click'));
    expect(await summary('L1')).toMatchObject({ count: 2, newCount: 1 });
    const page = await readListPage(db, 'L1', 0, 50);
    expect(page?.rows.map((row) => row.id).sort()).toEqual(['a', 'b']);
    expect(page?.newIds).toEqual(['b']);

    // Opening answers which were new (to keep them marked while the rep looks), and clears them.
    expect(await openList(db, 'L1', NOW + 60_000)).toEqual({ id: 'L1', newIds: ['b'] });
    expect(await summary('L1')).toMatchObject({ count: 2, newCount: 0, lastOpenedAt: NOW + 60_000 });
    expect((await openList(db, 'L1', NOW + 120_000)).newIds).toEqual([]);
  });

  it('loses an email that no longer matches (a reply, archived by a status change, deleted) and gets it back on restore', async () => {
    await seed();
    await saveList(db, 'L1', 'Q4 delivered', query({ campaigns: { ids: ['q4'] }, statuses: ['delivered'] }), NOW);
    expect((await summary('L1'))?.count).toBe(3);
    await changeStatus(db, 'a', { to: 'archived', reason: { text: 'archived' }, now: NOW });
    expect((await summary('L1'))?.count).toBe(2);
    await deleteEmails(db, ['b'], 'delivered');
    expect((await summary('L1'))?.count).toBe(1);
    await restoreEmails(db, ['b']);
    expect(await summary('L1')).toMatchObject({ count: 2, newCount: 1 });
  });

  it('is renamed, deleted with Undo, and refuses a name that is empty or a query that is not valid', async () => {
    await seed();
    await saveList(db, 'L1', 'Q4', query({ campaigns: { ids: ['q4'] } }), NOW);
    expect(await renameList(db, 'L1', 'Q4 prospects', NOW)).toEqual({ id: 'L1', previousName: 'Q4' });
    await expect(renameList(db, 'L1', '   ', NOW)).rejects.toThrow('A list needs a name.');
    await expect(saveList(db, 'L2', 'Bad', { ...ENGAGED, minViews: -1 }, NOW)).rejects.toThrow(/minViews/);
    await expect(
      saveList(db, 'L3', 'Bad dates', query({ dates: { field: 'sent', from: NOW, to: NOW - 1 } }), NOW),
    ).rejects.toThrow(/dates .*end is before the start/);

    await deleteList(db, 'L1', NOW);
    expect(await listSummaries(db)).toEqual([]);
    expect(await db.emails.where('lists').equals('L1').count()).toBe(0);
    // An email written while it is deleted does not join it.
    await applyServerEvent(db, hit('a', 'view'));
    await restoreList(db, 'L1');
    expect(await summary('L1')).toMatchObject({ name: 'Q4 prospects', count: 3, newCount: 0 });
  });

  it('saved by a newer version, or naming a deleted campaign, is kept with a note and never lost', async () => {
    await seed();
    await saveList(db, 'L1', 'Q4 and gone', query({ campaigns: { ids: ['q4', 'deleted-one'] } }), NOW);
    await db.savedSearches.put({
      id: 'L2',
      name: 'From the future',
      query: { version: 9, statuses: ['delivered'], sentiment: 'warm' },
      createdAt: NOW - 1,
      updatedAt: NOW - 1,
      lastOpenedAt: NOW - 1,
    });
    await recomputeLists(db);
    const lists = await listSummaries(db);
    expect(lists.map((list) => [list.id, list.note])).toEqual([
      ['L1', { kind: 'missingCampaign', count: 1 }],
      ['L2', { kind: 'newer', version: 9 }],
    ]);
    expect(lists[0]?.count).toBe(3);
    // Email writes go on around the list they cannot run; it stays as it was saved.
    await applyServerEvent(db, hit('a', 'view'));
    expect((await db.savedSearches.get('L2'))?.query).toEqual({
      version: 9,
      statuses: ['delivered'],
      sentiment: 'warm',
    });
  });
});

describe('lists and the demo seed (bulk writes around the email writes)', () => {
  it('count the seeded emails as a full recomputation would, however often a slice is seeded again', async () => {
    await saveList(db, 'L1', 'Delivered, viewed', query({ statuses: ['delivered'], viewed: 'yes' }), NOW);
    await seedDemo(db, { emails: 80, start: 0, count: 40 });
    await seedDemo(db, { emails: 80, start: 40, count: 40 });
    await seedDemo(db, { emails: 80, start: 40, count: 40 });
    const incremental = await summary('L1');
    await recomputeLists(db);
    expect(incremental?.count).toBeGreaterThan(0);
    expect(incremental?.count).toBe((await summary('L1'))?.count);
    expect(incremental?.count).toBe(await db.emails.where('lists').equals('L1').count());
  });
});
