import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { oldEmailRow } from '../../tests/support/old-email-rows';
import { searchIdsFor } from '../../tests/support/search-ids';
import { CommandCenterDb } from './database';
import type { Classification, Engagement, EngagementEventRecord } from './records';

const name = `search-upgrade-${crypto.randomUUID()}`;
afterEach(() => Dexie.delete(name));

// The emails and events tables exactly as version 6 left them.
const V6 = {
  emails: 'id, status, [status+folderDate], campaignId, *personIds, *searchWords, createdAt, statusAt',
  events: '++id, emailId, [emailId+at], at, &serverCursor',
  counters: 'id',
};

const v6Email = (id: string, name: string, engagement: Partial<Engagement>) =>
  oldEmailRow(id, { name, subject: `Proposal for ${name}`, engagement });

const event = (emailId: string, type: 'view' | 'click' | 'reply', classification: Classification, at: number) =>
  ({ emailId, type, classification, at, reason: '' }) satisfies EngagementEventRecord;

const run = searchIdsFor;

describe('the v7 upgrade (search indexes, trusted engagement)', () => {
  it('counts each email’s views and clicks by people and proxies from its events, and indexes every email', async () => {
    const v6 = new Dexie(name);
    v6.version(6).stores(V6);
    // Dana: 2 human views, 1 proxy click, 1 unknown view (counted in `views` before, not trusted).
    // Kenji: only a scanner click and unknown views. 台北 Chen: never opened.
    await v6
      .table('emails')
      .bulkPut([
        v6Email('dana', 'Dana Whitfield', { views: 3, clicks: 1, replied: true }),
        v6Email('kenji', 'Kenji Sato', { views: 1_002, machineViews: 11_000, machineClicks: 1 }),
        v6Email('chen', '陳台北', {}),
        { id: 'damaged', status: 'delivered' },
      ]);
    const events = [
      event('dana', 'view', 'human', 10),
      event('dana', 'view', 'human', 11),
      event('dana', 'click', 'proxy', 12),
      event('dana', 'view', 'unknown', 13),
      event('dana', 'reply', 'human', 14),
      event('kenji', 'click', 'scanner', 15),
      event('kenji', 'view', 'unknown', 16),
      event('kenji', 'view', 'unknown', 17),
    ];
    // More events than one page of the upgrade's read, so the pages join up (each 12th is a human view of Kenji's).
    for (let n = 0; n < 12_000; n++) events.push(event('kenji', 'view', n % 12 === 0 ? 'human' : 'prefetch', 100 + n));
    await v6.table('events').bulkAdd(events);
    v6.close();

    const db = new CommandCenterDb(name);
    await db.open();
    // Opened by this version: through v7 (the upgrade tested) to the newest.
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect((await db.emails.get('dana'))?.engagement).toMatchObject({
      views: 3,
      clicks: 1,
      trustedViews: 2,
      trustedClicks: 1,
    });
    expect((await db.emails.get('kenji'))?.engagement).toMatchObject({ trustedViews: 1_000, trustedClicks: 0 });
    expect((await db.emails.get('chen'))?.engagement).toMatchObject({ trustedViews: 0, trustedClicks: 0 });
    // The damaged row is kept as it was, for the periodic check to show.
    expect(await db.emails.get('damaged')).toEqual({ id: 'damaged', status: 'delivered' });
    // Nothing was lost from the events.
    expect(await db.events.count()).toBe(events.length);

    // The new indexes answer at once: inner substrings in any script, trusted clicks.
    expect(await run(db, { version: 1, person: 'ana' })).toEqual(['dana']);
    expect(await run(db, { version: 1, person: '北' })).toEqual(['chen']);
    expect(await run(db, { version: 1, subject: 'enji' })).toEqual(['kenji']);
    expect(await run(db, { version: 1, clicked: 'yes' })).toEqual(['dana']);
    expect((await run(db, { version: 1, clicked: 'yes', trustedOnly: false })).sort()).toEqual(['dana', 'kenji']);
    expect(
      await db.emails
        .where('[searchFacet+folderDate]')
        .between([[0, ''], Dexie.minKey], [[0, ''], Dexie.maxKey])
        .primaryKeys(),
    ).toEqual(['chen']);
    db.close();
  });
});
