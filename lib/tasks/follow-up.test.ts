import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import { readFolderPage } from '../emails/folder-page';
import { readEmailTasks } from './email-task-list';
import { followUpEach, followUpEmail } from './follow-up';
import { completeTasks } from './task-writes';
import { atTimeOn, startOfDay } from './zoned-time';

let db: CommandCenterDb;
beforeEach(() => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const zone = 'Asia/Tokyo';
const clock = { now: atTimeOn('2026-12-01', 23, 30, zone), timeZone: zone };
const wording = { followUpTitle: (s: string) => `Nachfassen: ${s}`, ruleTaskTitle: (_: string, s: string) => s };

describe('follow up from an email row', () => {
  it('makes a Call task for the first recipient, linked to the email and its campaign, due tomorrow in the rep’s zone', async () => {
    await db.emails.put(
      testEmail('e1', 'delivered', {
        subject: 'Pricing',
        campaignId: 'c1',
        to: [{ address: 'Dana@Northwind.example', name: 'Dana Scully' }, { address: 'x@example.com' }],
      }),
    );
    const task = await followUpEmail(db, { emailId: 'e1', type: 'call' }, clock, wording);
    expect(task).toMatchObject({
      type: 'call',
      title: 'Nachfassen: Pricing',
      source: 'followUp',
      emailId: 'e1',
      campaignId: 'c1',
      dueKind: 'day',
      dueDay: '2026-12-02',
      dueAt: startOfDay('2026-12-02', zone),
    });
    expect(await db.people.get(task.personId!)).toMatchObject({ email: 'dana@northwind.example', name: 'Dana Scully' });
    // The same address on another email is the same person.
    await db.emails.put(testEmail('e2', 'delivered', { to: [{ address: 'dana@northwind.example' }] }));
    const second = await followUpEmail(db, { emailId: 'e2', type: 'email' }, clock, wording);
    expect(second.personId).toBe(task.personId);
    expect(await db.people.count()).toBe(1);
  });

  it('the row shows its open task due soonest, and the detail lists the email’s tasks, open first', async () => {
    await db.emails.put(testEmail('e1', 'delivered', { folderDate: 5_000 }));
    const later = await followUpEmail(db, { emailId: 'e1', type: 'call' }, clock, wording);
    const sooner = await followUpEmail(
      db,
      { emailId: 'e1', type: 'custom', due: { kind: 'dateTime', at: clock.now + 60_000 } },
      clock,
      wording,
    );
    const page = await readFolderPage(db, { status: 'delivered', offset: 0, limit: 10 });
    expect(page.rows[0]).toMatchObject({ openTask: { id: sooner.id, type: 'custom', open: 2 } });
    await completeTasks(db, [sooner], clock.now);
    const after = await readFolderPage(db, { status: 'delivered', offset: 0, limit: 10 });
    expect(after.rows[0]).toMatchObject({ openTask: { id: later.id, open: 1 } });
    expect((await readEmailTasks(db, 'e1', clock)).map((task) => [task.id, task.status])).toEqual([
      [later.id, 'open'],
      [sooner.id, 'completed'],
    ]);
  });

  it('refuses an email that is gone or not delivered', async () => {
    await db.emails.put(testEmail('d1', 'draft'));
    await expect(followUpEmail(db, { emailId: 'nope', type: 'call' }, clock, wording)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(followUpEmail(db, { emailId: 'd1', type: 'call' }, clock, wording)).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await db.tasks.count()).toBe(0);
  });
});

describe('a task for each email of a search or a list', () => {
  it('makes one task per email, whatever its status, the type and due chosen once, and reports the ones gone', async () => {
    await db.emails.bulkPut([
      testEmail('e1', 'delivered', { subject: 'Pricing', to: [{ address: 'ann@example.com', name: 'Ann' }] }),
      testEmail('e2', 'bounced', { subject: 'Deck', to: [{ address: 'bob@example.com' }] }),
    ]);
    const due = { kind: 'day' as const, day: '2026-12-07' };
    const result = await followUpEach(db, { ids: ['e1', 'e2', 'gone'], type: 'email', due }, clock, wording);
    expect(result).toEqual({ done: ['e1', 'e2'], failed: [{ id: 'gone', message: 'This email was deleted.' }] });
    const tasks = (await db.tasks.toArray()).sort((a, b) => a.title.localeCompare(b.title));
    expect(tasks.map((task) => [task.title, task.type, task.emailId, task.dueDay])).toEqual([
      ['Nachfassen: Deck', 'email', 'e2', '2026-12-07'],
      ['Nachfassen: Pricing', 'email', 'e1', '2026-12-07'],
    ]);
  });
});
