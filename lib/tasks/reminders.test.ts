import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandCenterDb } from '../db/database';
import type { TaskRecord } from '../db/records';
import {
  fireDueReminders,
  MAX_NOTIFICATIONS,
  nextReminderAt,
  notificationIdOf,
  type ReminderWording,
  SUMMARY_NOTIFICATION,
  targetOfNotification,
} from './reminders';
import { completeTasks, createTask, rescheduleTasks } from './task-writes';
import { atTimeOn } from './zoned-time';

let db: CommandCenterDb;
beforeEach(() => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const zone = 'America/New_York';
const nine = atTimeOn('2026-12-01', 9, 0, zone);
const MIN = 60_000;
const wording: ReminderWording = {
  reminder: (task, _at, late) => ({ title: task.title, message: late ? 'late' : 'on time' }),
  summary: (count) => ({ title: `${count} more`, message: '' }),
};

function notifications() {
  const shown: { id: string; title: string; message: string }[] = [];
  return {
    shown,
    show: async (id: string, note: { title: string; message: string }) => void shown.push({ id, ...note }),
  };
}

const timed = (title: string, at: number) =>
  createTask(
    db,
    { type: 'call', title, due: { kind: 'dateTime', at }, priority: 'normal' },
    { now: at - 3_600_000, timeZone: zone },
  );

describe('task reminders', () => {
  it('fires once at the due time, not before and not again; a snooze makes it fire again at the new time', async () => {
    const task = await timed('Call Dana', nine + 30 * MIN);
    expect(await nextReminderAt(db, zone)).toBe(nine + 30 * MIN);
    const n = notifications();
    await fireDueReminders(db, { now: nine + 29 * MIN, timeZone: zone }, n.show, wording);
    expect(n.shown).toEqual([]);
    await fireDueReminders(db, { now: nine + 30 * MIN, timeZone: zone }, n.show, wording);
    await fireDueReminders(db, { now: nine + 31 * MIN, timeZone: zone }, n.show, wording);
    expect(n.shown).toEqual([{ id: notificationIdOf(task), title: 'Call Dana', message: 'on time' }]);
    // Marking it reminded is not the rep's change: the version they hold stays good.
    expect(await db.tasks.get(task.id)).toMatchObject({ remindedFor: task.dueAt, version: 1 });
    expect(await nextReminderAt(db, zone)).toBeUndefined();

    await rescheduleTasks(
      db,
      [task],
      { kind: 'dateTime', at: nine + 90 * MIN },
      { now: nine + 31 * MIN, timeZone: zone },
      'snooze',
    );
    expect(await nextReminderAt(db, zone)).toBe(nine + 90 * MIN);
    await fireDueReminders(db, { now: nine + 90 * MIN, timeZone: zone }, n.show, wording);
    expect(n.shown.map((note) => note.id)).toEqual([
      notificationIdOf(task),
      `task-reminder:${task.id}:${nine + 90 * MIN}`,
    ]);
  });

  it('a reminder whose time passed while the browser was closed fires once at start, marked late', async () => {
    await timed('Send the deck', nine);
    const n = notifications();
    await fireDueReminders(db, { now: nine + 14 * 3_600_000, timeZone: zone }, n.show, wording);
    await fireDueReminders(db, { now: nine + 14 * 3_600_000 + MIN, timeZone: zone }, n.show, wording);
    expect(n.shown.map((note) => note.message)).toEqual(['late']);
  });

  it('a worker stopped after showing and before noting it shows the same notification id again (replaced, not doubled)', async () => {
    const task = await timed('Call Dana', nine);
    const ids: string[] = [];
    const dying = async (id: string) => {
      ids.push(id);
      throw new Error('the worker stopped here');
    };
    await expect(fireDueReminders(db, { now: nine, timeZone: zone }, dying, wording)).rejects.toThrow();
    expect((await db.tasks.get(task.id))?.remindedFor).toBeUndefined();
    const n = notifications();
    await fireDueReminders(db, { now: nine + MIN, timeZone: zone }, n.show, wording);
    expect(n.shown.map((note) => note.id)).toEqual(ids);
  });

  it('a day task reminds at 09:00 of its day in the rep’s zone; done tasks and tasks without a due never remind', async () => {
    const clock = { now: nine - 86_400_000, timeZone: zone };
    await createTask(
      db,
      { type: 'email', title: 'Day', due: { kind: 'day', day: '2026-12-01' }, priority: 'normal' },
      clock,
    );
    await createTask(db, { type: 'email', title: 'None', due: { kind: 'none' }, priority: 'normal' }, clock);
    const done = await timed('Done', nine - 60 * MIN);
    await completeTasks(db, [done], clock.now);
    expect(await nextReminderAt(db, zone)).toBe(nine);
  });

  it('many at once: the latest few each get a notification, the others one line; weeks-old ones none', async () => {
    const old = await timed('Old', nine - 30 * 86_400_000);
    const tasks: TaskRecord[] = [];
    for (let i = 0; i < 6; i++) tasks.push(await timed(`T${i}`, nine + i * MIN));
    const n = notifications();
    const fired = await fireDueReminders(db, { now: nine + 3_600_000, timeZone: zone }, n.show, wording);
    expect(fired).toMatchObject({ summarised: 6 - MAX_NOTIFICATIONS, stale: 1 });
    expect(n.shown.map((note) => note.title)).toEqual(['3 more', 'T3', 'T4', 'T5']);
    expect((await db.tasks.get(old.id))?.remindedFor).toBe(old.dueAt);
    expect(await nextReminderAt(db, zone)).toBeUndefined();
  });

  it('a clicked notification names its task, or the Tasks tab for the summary', () => {
    expect(targetOfNotification(notificationIdOf({ id: 'rule:r1:e:1', dueAt: 5 }))).toEqual({ taskId: 'rule:r1:e:1' });
    expect(targetOfNotification(SUMMARY_NOTIFICATION)).toEqual({});
    expect(targetOfNotification('something-else')).toBeUndefined();
  });
});
