import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandCenterDb, taskTables } from '../db/database';
import type { TaskRecord } from '../db/records';
import { readTaskPage } from './task-page';
import {
  countsWithout,
  inView,
  readTaskCounts,
  readViewTasks,
  TASK_VIEWS,
  type TaskClock,
  taskViewCollection,
} from './task-views';
import { completeTasks, createTask, type DueInput, dueFields, rescheduleTasks, undoTaskChanges } from './task-writes';
import { atTimeOn } from './zoned-time';

let db: CommandCenterDb;
beforeEach(() => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const BERLIN = 'Europe/Berlin';
/** Tasks written as the background writes them: with their counters, in one transaction. */
const putTasks = (tasks: TaskRecord[]) => db.transaction('rw', taskTables(db), () => db.tasks.bulkPut(tasks));
const at = (day: string, hour: number, minute = 0, zone = BERLIN) => atTimeOn(day, hour, minute, zone);

function task(id: string, due: DueInput, extra: Partial<TaskRecord> = {}, zone = BERLIN): TaskRecord {
  return {
    id,
    type: 'call',
    title: id,
    ...dueFields(due, zone),
    priority: 'normal',
    status: 'open',
    source: 'manual',
    createdAt: 0,
    updatedAt: 0,
    version: 1,
    ...extra,
  };
}

describe('the Tasks views', () => {
  it('puts each task in its bucket in the rep’s zone: overdue, today, tomorrow, the next 7 days', async () => {
    const clock: TaskClock = { now: at('2026-12-01', 10), timeZone: BERLIN };
    await putTasks([
      task('yesterday-day', { kind: 'day', day: '2026-11-30' }),
      task('this-morning', { kind: 'dateTime', at: at('2026-12-01', 8) }),
      task('today-day', { kind: 'day', day: '2026-12-01' }),
      task('this-afternoon', { kind: 'dateTime', at: at('2026-12-01', 15) }),
      task('late-tonight', { kind: 'dateTime', at: at('2026-12-01', 23, 59) }),
      task('tomorrow-9', { kind: 'dateTime', at: at('2026-12-02', 9) }),
      task('in-6-days', { kind: 'day', day: '2026-12-07' }),
      task('in-7-days', { kind: 'day', day: '2026-12-08' }),
      task('undated', { kind: 'none' }),
      task('done', { kind: 'day', day: '2026-12-01' }, { status: 'completed', doneAt: 5 }),
    ]);
    const ids = async (view: (typeof TASK_VIEWS)[number]) =>
      (await readTaskPage(db, { view, clock, offset: 0, limit: 50 })).rows.map((row) => row.id);
    expect(await ids('overdue')).toEqual(['yesterday-day', 'this-morning']);
    expect(await ids('today')).toEqual(['today-day', 'this-afternoon', 'late-tonight']);
    expect(await ids('tomorrow')).toEqual(['tomorrow-9']);
    expect(await ids('next7')).toEqual(['today-day', 'this-afternoon', 'late-tonight', 'tomorrow-9', 'in-6-days']);
    // By due: a day sorts at its first minute, before the times of that day.
    expect(await ids('open')).toEqual([
      'yesterday-day',
      'today-day',
      'this-morning',
      'this-afternoon',
      'late-tonight',
      'tomorrow-9',
      'in-6-days',
      'in-7-days',
      'undated',
    ]);
    expect(await ids('completed')).toEqual(['done']);
    expect(await readTaskCounts(db, clock)).toEqual({
      overdue: 2,
      today: 3,
      tomorrow: 1,
      next7: 5,
      open: 9,
      completed: 1,
    });
  });

  it('the same instant is “today” in Berlin and “tomorrow” in Los Angeles', async () => {
    const due = Date.parse('2026-12-02T07:00:00Z'); // 08:00 in Berlin, 23:00 the day before in LA
    await putTasks([task('t', { kind: 'dateTime', at: due })]);
    const now = Date.parse('2026-12-01T20:00:00Z'); // 21:00 in Berlin, 12:00 in LA
    expect((await readTaskCounts(db, { now, timeZone: BERLIN })).tomorrow).toBe(1);
    expect((await readTaskCounts(db, { now, timeZone: 'America/Los_Angeles' })).today).toBe(1);
  });

  it('on the day clocks go forward (23 h) and back (25 h), “today” is the whole calendar day', async () => {
    for (const day of ['2026-03-29', '2026-10-25']) {
      await db.transaction('rw', taskTables(db), () => db.tasks.clear());
      const next = day === '2026-03-29' ? '2026-03-30' : '2026-10-26';
      await putTasks([
        task('first-minute', { kind: 'dateTime', at: at(day, 0, 1) }),
        task('last-minute', { kind: 'dateTime', at: at(day, 23, 59) }),
        task('next-day', { kind: 'dateTime', at: at(next, 0, 0) }),
      ]);
      const clock = { now: at(day, 0, 0), timeZone: BERLIN };
      const today = (await readTaskPage(db, { view: 'today', clock, offset: 0, limit: 10 })).rows.map((r) => r.id);
      expect(today, day).toEqual(['first-minute', 'last-minute']);
      expect((await readTaskCounts(db, clock)).tomorrow, day).toBe(1);
    }
  });

  it('high priority comes first among tasks due at the same time', async () => {
    const clock = { now: at('2026-12-01', 7), timeZone: BERLIN };
    await putTasks([
      task('normal', { kind: 'day', day: '2026-12-01' }),
      task('high', { kind: 'day', day: '2026-12-01' }, { priority: 'high' }),
    ]);
    expect((await readTaskPage(db, { view: 'today', clock, offset: 0, limit: 10 })).rows.map((r) => r.id)).toEqual([
      'high',
      'normal',
    ]);
  });

  it('every view’s query and count agree with the one predicate, for random tasks in several zones', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (const timeZone of [BERLIN, 'America/Los_Angeles', 'Asia/Shanghai']) {
      await db.transaction('rw', taskTables(db), () => db.tasks.clear());
      const now = Date.parse('2026-10-24T21:17:00Z') + Math.floor(random() * 3 * 86_400_000);
      const clock = { now, timeZone };
      const tasks = Array.from({ length: 300 }, (_, n) => {
        const kind = random();
        const offset = Math.floor((random() - 0.4) * 12 * 86_400_000);
        const due: DueInput =
          kind < 0.1
            ? { kind: 'none' }
            : kind < 0.45
              ? { kind: 'day', day: new Date(now + offset).toISOString().slice(0, 10) }
              : { kind: 'dateTime', at: now + offset };
        return task(
          `t${n}`,
          due,
          {
            priority: random() < 0.3 ? 'high' : 'normal',
            ...(random() < 0.15 ? { status: 'completed' as const, doneAt: n + 1 } : {}),
          },
          timeZone,
        );
      });
      await putTasks(tasks);
      const counts = await readTaskCounts(db, clock);
      for (const view of TASK_VIEWS) {
        const expected = tasks.filter((t) => inView(t, view, clock)).map((t) => t.id);
        const got = (await taskViewCollection(db, view, clock).toArray()).map((t) => t.id);
        expect(new Set(got), `${timeZone} ${view}`).toEqual(new Set(expected));
        expect(got.length, `${timeZone} ${view}`).toBe(expected.length);
        expect(counts[view], `${timeZone} ${view} count`).toBe(expected.length);
        // The page reader gives the collection's order, whichever way it reads.
        const paged = (await readViewTasks(db, view, clock, 0, 1000)).map((t) => t.id);
        expect(paged, `${timeZone} ${view} pages`).toEqual(got);
        expect((await readViewTasks(db, view, clock, 3, 5)).map((t) => t.id)).toEqual(got.slice(3, 8));
      }
    }
  });

  it('joins each row with its person’s name and the linked email’s subject; a typed person is kept as typed', async () => {
    await db.people.put({ id: 'p1', email: 'dana@example.com', name: 'Dana Scully' });
    const clock = { now: at('2026-12-01', 10), timeZone: BERLIN };
    await createTask(
      db,
      { type: 'call', title: 'Call', personId: 'p1', due: { kind: 'none' }, priority: 'normal' },
      clock,
    );
    await createTask(
      db,
      { type: 'call', title: 'Call Fox', personName: 'Fox', due: { kind: 'none' }, priority: 'normal' },
      clock,
    );
    const rows = (await readTaskPage(db, { view: 'open', clock, offset: 0, limit: 10 })).rows;
    expect(rows.map((r) => [r.personLabel, r.personEmail]).sort()).toEqual([
      ['Dana Scully', 'dana@example.com'],
      ['Fox', undefined],
    ]);
  });
});

describe('counts while a completion is on its way', () => {
  it('take a just-completed task out of every view it was in and into Completed', () => {
    const clock: TaskClock = { now: at('2026-12-01', 10), timeZone: BERLIN };
    const counts = { overdue: 2, today: 3, tomorrow: 1, next7: 5, open: 9, completed: 1 };
    const overdue = task('o', { kind: 'dateTime', at: at('2026-12-01', 8) });
    const today = task('t', { kind: 'day', day: '2026-12-01' });
    const done = task('d', { kind: 'day', day: '2026-12-01' }, { status: 'completed', doneAt: 1 });
    expect(countsWithout(counts, [overdue, today, done], clock)).toEqual({
      overdue: 1,
      today: 2,
      tomorrow: 1,
      next7: 4,
      open: 7,
      completed: 3,
    });
  });
});

describe('the counters behind the counts', () => {
  it('stay equal to a recount through creates, completions, reschedules, Undo, deletes and a clear', async () => {
    const clock: TaskClock = { now: at('2026-12-01', 10), timeZone: BERLIN };
    const made: TaskRecord[] = [];
    for (let n = 0; n < 40; n++)
      made.push(
        await createTask(
          db,
          {
            type: 'call',
            title: `t${n}`,
            due: { kind: 'dateTime', at: clock.now + (n - 10) * 3_600_000 * 7 },
            priority: 'normal',
          },
          clock,
        ),
      );
    const recount = async () => {
      const all = await db.tasks.toArray();
      return Object.fromEntries(TASK_VIEWS.map((view) => [view, all.filter((t) => inView(t, view, clock)).length]));
    };
    expect(await readTaskCounts(db, clock)).toEqual(await recount());
    const done = await completeTasks(db, made.slice(0, 10), clock.now);
    await rescheduleTasks(db, made.slice(10, 20), { kind: 'day', day: '2026-12-03' }, clock, 'snooze');
    expect(await readTaskCounts(db, clock)).toEqual(await recount());
    await undoTaskChanges(db, done.undo.slice(0, 4), clock.now);
    await db.transaction('rw', taskTables(db), () => db.tasks.bulkDelete(made.slice(30).map((t) => t.id)));
    expect(await readTaskCounts(db, clock)).toEqual(await recount());
    await db.transaction('rw', taskTables(db), () => db.tasks.clear());
    expect(await readTaskCounts(db, clock)).toEqual(Object.fromEntries(TASK_VIEWS.map((v) => [v, 0])));
    expect(await db.taskDueCounts.count()).toBe(0);
  });

  it('a task write without the counters in its transaction fails, and nothing is written', async () => {
    const clock: TaskClock = { now: at('2026-12-01', 10), timeZone: BERLIN };
    await expect(db.tasks.put(task('x', { kind: 'none' }))).rejects.toThrow();
    expect(await db.tasks.count()).toBe(0);
    expect((await readTaskCounts(db, clock)).open).toBe(0);
  });
});
