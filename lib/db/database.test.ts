import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { reasonText } from '../../components/emails/reason-text';
import { testEmail } from '../../tests/support/test-emails';
import { readEmailDetail } from '../emails/email-detail';
import { fakeGetMessage } from '../i18n/chrome-i18n-fake';
import { CommandCenterDb } from './database';
import type { EmailRecord } from './records';

const name = `upgrade-${crypto.randomUUID()}`;
afterEach(() => Dexie.delete(name));

describe('the database upgrade', () => {
  it('keeps every damaged row when the "flagged" table becomes "damaged" (v1 → v2)', async () => {
    // A database exactly as version 1 left it: the v1 schema of these two tables, with rows.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      emails: 'id, status, [status+folderDate], campaignId, *personIds, *searchWords, createdAt, statusAt',
      flagged: 'id',
    });
    const rows = Array.from({ length: 120 }, (_, n) => ({
      id: `e${n}`,
      problem: `no folder date (${n})`,
      at: 1_000 + n,
    }));
    await v1.table('flagged').bulkPut(rows);
    await v1.table('emails').put({ id: 'e0', status: 'delivered' });
    v1.close();

    const db = new CommandCenterDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect((await db.damaged.toArray()).sort((a, b) => a.at - b.at)).toEqual(rows);
    expect(db.tables.map((table) => table.name)).not.toContain('flagged');
    // Nothing else was touched.
    expect(await db.emails.get('e0')).toEqual({ id: 'e0', status: 'delivered' });
    db.close();
  });

  it('keeps every task of version 2 and gives it a due kind, a source and a version (v2 → v3)', async () => {
    const v2 = new Dexie(name);
    v2.version(2).stores({ tasks: 'id, status, [status+dueAt], personId, emailId' });
    await v2.table('tasks').bulkPut([
      { id: 't1', type: 'call', title: 'Call Dana', dueAt: 5_000, priority: 'high', status: 'open', createdAt: 1_000 },
      {
        id: 't2',
        type: 'email',
        title: 'Send the deck',
        dueAt: 6_000,
        priority: 'normal',
        status: 'completed',
        createdAt: 2_000,
        completedAt: 7_000,
      },
    ]);
    v2.close();

    const db = new CommandCenterDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.tasks.get('t1')).toEqual({
      id: 't1',
      type: 'call',
      title: 'Call Dana',
      dueAt: 5_000,
      dueKind: 'dateTime',
      priority: 'high',
      status: 'open',
      source: 'manual',
      createdAt: 1_000,
      updatedAt: 1_000,
      version: 1,
    });
    expect(await db.tasks.get('t2')).toMatchObject({ status: 'completed', completedAt: 7_000, doneAt: 7_000 });
    // The new index serves the queue.
    expect(
      await db.tasks
        .where('[status+dueAt+priority]')
        .between(['open', 0, Dexie.minKey], ['open', 10_000, Dexie.maxKey])
        .count(),
    ).toBe(1);
    db.close();
  });

  it('keeps every task and rule of version 3, says since when each rule acts, and adds rule matches (v3 → v4)', async () => {
    const v3 = new Dexie(name);
    v3.version(3).stores({
      tasks: 'id, status, [status+dueAt+priority], doneAt, personId, emailId, ruleId',
      taskRules: 'id',
    });
    const task = {
      id: 'rule:r1:e1',
      type: 'call',
      title: 'Call Dana',
      dueAt: 5_000,
      dueKind: 'dateTime',
      priority: 'normal',
      status: 'open',
      source: 'rule',
      ruleId: 'r1',
      emailId: 'e1',
      createdAt: 1_000,
      updatedAt: 1_000,
      version: 1,
    };
    const rule = {
      id: 'r1',
      trigger: 'click',
      noReplyDays: 2,
      taskType: 'call',
      dueInDays: 1,
      priority: 'high',
      enabled: true,
      createdAt: 900,
      updatedAt: 950,
    };
    await v3.table('tasks').put(task);
    await v3.table('taskRules').put(rule);
    v3.close();

    const db = new CommandCenterDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(await db.tasks.get('rule:r1:e1')).toEqual(task);
    expect(await db.taskRules.get('r1')).toEqual({ ...rule, activeSince: 900 });
    await db.ruleMatches.put({
      id: 'r1:e1',
      ruleId: 'r1',
      emailId: 'e1',
      triggeredAt: 1,
      waitUntil: 2,
      state: 'waiting',
    });
    expect(await db.ruleMatches.where('[state+waitUntil]').between(['waiting', 0], ['waiting', 10]).count()).toBe(1);
    db.close();
  });

  it('counts every task afresh into the counters behind the Tasks counts (v4 → v5)', async () => {
    const v4 = new Dexie(name);
    v4.version(4).stores({
      tasks: 'id, status, [status+dueAt+priority], doneAt, personId, emailId, ruleId',
      counters: 'id',
    });
    const quarter = 15 * 60_000;
    await v4.table('tasks').bulkPut([
      { id: 'a', status: 'open', dueAt: 10 * quarter, dueKind: 'dateTime' },
      { id: 'b', status: 'open', dueAt: 10 * quarter + 60_000, dueKind: 'dateTime' },
      { id: 'c', status: 'open', dueAt: 11 * quarter, dueKind: 'day' },
      { id: 'd', status: 'completed', dueAt: 10 * quarter, dueKind: 'dateTime', doneAt: 1 },
      { id: 'e', status: 'skipped', dueAt: 12 * quarter, dueKind: 'dateTime', doneAt: 2 },
    ]);
    v4.close();
    const db = new CommandCenterDb(name);
    await db.open();
    expect(await db.taskDueCounts.toArray()).toEqual([
      { q: 10, n: 2 },
      { q: 11.5, n: 1 },
    ]);
    expect(await db.counters.get('tasks.done')).toEqual({ id: 'tasks.done', value: 2 });
    expect(await db.tasks.count()).toBe(5);
    db.close();
  });

  it('moves the emails a soft bounce put in Bounced back where they were, keeping it as a warning (v5 → v6)', async () => {
    const v5 = new Dexie(name);
    v5.version(5).stores({
      emails: 'id, status, [status+folderDate], campaignId, *personIds, *searchWords, createdAt, statusAt',
      events: '++id, emailId, [emailId+at], at, &serverCursor',
      counters: 'id',
    });
    const bounced = (id: string, extra: Partial<EmailRecord>) =>
      testEmail(id, 'bounced', { failedAt: 6_000, statusAt: 6_000, folderDate: 6_000, ...extra });
    await v5.table('emails').bulkPut([
      bounced('sent-soft', {
        sentAt: 5_000,
        failureReason: 'bounce: soft bounce (5.2.2) — bob@example.com: 5.2.2 mailbox full',
        failureCode: 'bounce.soft',
        failureParams: { status: '5.2.2' },
        failureDetail: 'bob@example.com: 5.2.2 mailbox full',
        statusHistory: [
          { status: 'delivered', at: 5_000, reason: 'delivered' },
          { status: 'bounced', at: 6_000, reason: 'bounce: soft bounce (5.2.2)', reasonCode: 'bounce.soft' },
        ],
      }),
      // Written before reason codes: only the server's English text says it was soft.
      bounced('sending-soft', {
        failureReason: 'bounce: soft bounce (4.2.2)',
        statusHistory: [
          { status: 'sending', at: 4_000, reason: 'send now' },
          { status: 'bounced', at: 6_000, reason: 'bounce: soft bounce (4.2.2)' },
        ],
      }),
      bounced('hard', { sentAt: 5_000, failureReason: 'bounce: hard bounce (5.1.1)', failureCode: 'bounce.hard' }),
      // Soft, but nothing says where it was before: it stays.
      bounced('nowhere', { failureReason: 'bounce: soft bounce (5.2.2)', failureCode: 'bounce.soft' }),
    ]);
    await v5.table('events').bulkAdd([
      {
        emailId: 'sent-soft',
        type: 'bounce',
        at: 6_000,
        reason: 'bounce: soft bounce (5.2.2)',
        reasonCode: 'bounce.soft',
      },
      { emailId: 'hard', type: 'bounce', at: 6_000, reason: 'bounce: hard bounce (5.1.1)', reasonCode: 'bounce.hard' },
    ]);
    await v5.table('counters').bulkPut([
      { id: 'folder:bounced', value: 4 },
      { id: 'folder:delivered', value: 7 },
      { id: 'folder:sending', value: 0 },
    ]);
    v5.close();

    const db = new CommandCenterDb(name);
    await db.open();
    const byId = async (id: string) => (await db.emails.get(id))!;
    expect(await byId('sent-soft')).toMatchObject({
      status: 'delivered',
      folderDate: 5_000,
      deliveryWarning: {
        at: 6_000,
        reasonCode: 'bounce.soft',
        reasonParams: { status: '5.2.2' },
        reasonDetail: 'bob@example.com: 5.2.2 mailbox full',
      },
    });
    expect(await byId('sent-soft')).not.toHaveProperty('failureCode');
    expect((await byId('sent-soft')).statusHistory.at(-1)).toMatchObject({
      status: 'delivered',
      reasonCode: 'delivery.softBounceKept',
    });
    expect((await byId('sending-soft')).status).toBe('sending');
    expect((await byId('hard')).status).toBe('bounced');
    expect((await byId('nowhere')).status).toBe('bounced');
    expect(await db.counters.bulkGet(['folder:bounced', 'folder:delivered', 'folder:sending'])).toEqual([
      { id: 'folder:bounced', value: 2 },
      { id: 'folder:delivered', value: 8 },
      { id: 'folder:sending', value: 1 },
    ]);
    expect((await db.events.orderBy('emailId').toArray()).map((event) => `${event.emailId}:${event.type}`)).toEqual([
      'hard:bounce',
      'sent-soft:warning',
    ]);

    // The rep reads it in Delivered with its warning, in their language.
    const { email } = await readEmailDetail(db, 'sent-soft');
    if (email?.kind !== 'email') throw new Error('expected the email');
    expect(email.failure).toBeUndefined();
    expect(reasonText(email.warning!.reason, { getMessage: fakeGetMessage('de'), locale: 'de' })).toBe(
      'Softbounce (5.2.2) — bob@example.com: 5.2.2 mailbox full',
    );
    db.close();
  });
});
