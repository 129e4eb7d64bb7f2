import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandCenterDb } from '../db/database';
import { readTaskCounts } from './task-views';
import {
  completeTasks,
  createTask,
  editTask,
  moveOverdueToToday,
  reopenTasks,
  rescheduleTasks,
  skipTasks,
  undoTaskChanges,
} from './task-writes';
import { atTimeOn, startOfDay } from './zoned-time';

let db: CommandCenterDb;
beforeEach(() => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const zone = 'Europe/Berlin';
const clock = { now: atTimeOn('2026-12-01', 10, 0, zone), timeZone: zone };
const newCall = (title: string, due = { kind: 'dateTime' as const, at: atTimeOn('2026-12-01', 9, 0, zone) }) =>
  createTask(db, { type: 'call', title, due, priority: 'normal' }, clock);

describe('changing tasks', () => {
  it('completing, then Undo, gives back exactly the task as it was', async () => {
    const task = await newCall('  Call   Dana ');
    expect(task.title).toBe('Call Dana');
    const done = await completeTasks(db, [{ id: task.id, version: 1 }], clock.now + 1);
    expect(done.done).toEqual([task.id]);
    expect(await db.tasks.get(task.id)).toMatchObject({ status: 'completed', completedAt: clock.now + 1, version: 2 });
    const undone = await undoTaskChanges(db, done.undo, clock.now + 2);
    expect(undone.done).toEqual([task.id]);
    const back = await db.tasks.get(task.id);
    const { version, updatedAt, ...rest } = back ?? { version: 0, updatedAt: 0 };
    const { version: v0, updatedAt: u0, ...before } = task;
    expect(rest).toEqual(before);
    expect(version).toBe(3);
  });

  it('a task deleted or changed elsewhere is refused with its code; the others in the batch go through', async () => {
    const a = await newCall('A');
    const b = await newCall('B');
    await editTask(db, { id: b.id, version: 1 }, { title: 'B, edited elsewhere' }, clock);
    const result = await completeTasks(
      db,
      [
        { id: a.id, version: 1 },
        { id: b.id, version: 1 },
        { id: 'gone', version: 1 },
      ],
      clock.now,
    );
    expect(result.done).toEqual([a.id]);
    expect(result.failed).toEqual([
      { id: b.id, code: 'changed' },
      { id: 'gone', code: 'gone' },
    ]);
    expect((await db.tasks.get(b.id))?.status).toBe('open');
  });

  it('an Undo after the task changed again is refused, and the later change stays', async () => {
    const task = await newCall('Call Dana');
    const done = await completeTasks(db, [{ id: task.id, version: 1 }], clock.now);
    await reopenTasks(db, [{ id: task.id, version: 2 }], clock.now);
    const undone = await undoTaskChanges(db, done.undo, clock.now);
    expect(undone.failed).toEqual([{ id: task.id, code: 'changed' }]);
    expect(await db.tasks.get(task.id)).toMatchObject({ status: 'open', version: 3 });
  });

  it('snoozing moves the due and notes when; Undo puts back due, kind and snooze time', async () => {
    const task = await newCall('Call Dana');
    const snoozed = await rescheduleTasks(
      db,
      [{ id: task.id, version: 1 }],
      { kind: 'day', day: '2026-12-07' },
      clock,
      'snooze',
    );
    expect(await db.tasks.get(task.id)).toMatchObject({
      dueKind: 'day',
      dueDay: '2026-12-07',
      dueAt: startOfDay('2026-12-07', zone),
      snoozedAt: clock.now,
    });
    await undoTaskChanges(db, snoozed.undo, clock.now);
    const back = await db.tasks.get(task.id);
    expect(back).toMatchObject({ dueKind: 'dateTime', dueAt: task.dueAt });
    expect(back).not.toHaveProperty('dueDay');
    expect(back).not.toHaveProperty('snoozedAt');
  });

  it('“move all overdue to today” empties Overdue into Today, and Undo brings them back', async () => {
    await newCall('this morning');
    await newCall('last week', { kind: 'dateTime', at: atTimeOn('2026-11-24', 9, 0, zone) });
    await newCall('later today', { kind: 'dateTime', at: atTimeOn('2026-12-01', 15, 0, zone) });
    const before = await readTaskCounts(db, clock);
    expect(before).toMatchObject({ overdue: 2, today: 1 });
    const moved = await moveOverdueToToday(db, clock);
    expect(moved.done).toHaveLength(2);
    expect(await readTaskCounts(db, clock)).toMatchObject({ overdue: 0, today: 3 });
    await undoTaskChanges(db, moved.undo, clock.now);
    expect(await readTaskCounts(db, clock)).toEqual(before);
  });

  it('skip and complete only open tasks; an empty title is refused', async () => {
    const task = await newCall('Call');
    await skipTasks(db, [{ id: task.id, version: 1 }], clock.now);
    expect(await db.tasks.get(task.id)).toMatchObject({ status: 'skipped', doneAt: clock.now });
    expect((await completeTasks(db, [{ id: task.id, version: 2 }], clock.now)).failed).toHaveLength(1);
    expect((await editTask(db, { id: task.id, version: 2 }, { title: '   ' }, clock)).failed).toHaveLength(1);
    await expect(newCall('   ')).rejects.toThrow(/title/);
  });
});
