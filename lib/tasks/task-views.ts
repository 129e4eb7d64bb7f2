import Dexie from 'dexie';
import type { CommandCenterDb } from '../db/database';
import { NO_DUE_AT, type TaskRecord } from '../db/records';
import { DONE_COUNTER, QUARTER_MS } from '../db/task-counts-middleware';
import { addDays, dayKeyOf, startOfDay } from './zoned-time';

// The Tasks tab's views, counted and paged from one index, [status+dueAt+priority]: each view is
// a range of due times among the open tasks (Completed reads the doneAt index). Only the tasks of
// today need a second look, to tell a time already past (overdue) from one still to come.

export const TASK_VIEWS = ['overdue', 'today', 'tomorrow', 'next7', 'open', 'completed'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];
export type TaskCounts = Record<TaskView, number>;

/** The rep's "now" and time zone: the buckets are calendar days there. */
export interface TaskClock {
  now: number;
  timeZone: string;
}

interface DayBounds {
  today: number;
  tomorrow: number;
  dayAfter: number;
  week: number;
}

function boundsOf({ now, timeZone }: TaskClock): DayBounds {
  const day = dayKeyOf(now, timeZone);
  return {
    today: startOfDay(day, timeZone),
    tomorrow: startOfDay(addDays(day, 1), timeZone),
    dayAfter: startOfDay(addDays(day, 2), timeZone),
    week: startOfDay(addDays(day, 7), timeZone),
  };
}

/** An open task is overdue once its time has passed, or, due on a day, once that day is over. */
export function isOverdue(task: Pick<TaskRecord, 'dueAt' | 'dueKind' | 'status'>, clock: TaskClock): boolean {
  if (task.status !== 'open' || task.dueKind === 'none') return false;
  return task.dueKind === 'day' ? task.dueAt < boundsOf(clock).today : task.dueAt < clock.now;
}

/** Whether `task` is in `view`: the one predicate the range queries below must agree with. */
export function inView(task: TaskRecord, view: TaskView, clock: TaskClock): boolean {
  if (view === 'completed') return task.status !== 'open';
  if (task.status !== 'open') return false;
  if (view === 'open') return true;
  if (view === 'overdue') return isOverdue(task, clock);
  if (isOverdue(task, clock)) return false;
  const b = boundsOf(clock);
  const [from, to] =
    view === 'today' ? [b.today, b.tomorrow] : view === 'tomorrow' ? [b.tomorrow, b.dayAfter] : [b.today, b.week];
  return task.dueAt >= from && task.dueAt < to;
}

/** Open tasks due in [from, to), in queue order: by due, high priority first. */
function openDue(db: CommandCenterDb, from: number, to: number) {
  return db.tasks
    .where('[status+dueAt+priority]')
    .between(['open', from, Dexie.minKey], ['open', to, Dexie.minKey], true, false);
}

/** Timed tasks of today whose time has passed: overdue, though today. */
async function pastToday(db: CommandCenterDb, clock: TaskClock, b: DayBounds): Promise<number> {
  if (clock.now <= b.today) return 0;
  return openDue(db, b.today, Math.min(clock.now, b.tomorrow))
    .filter((task) => task.dueKind === 'dateTime')
    .count();
}

export async function readTaskCounts(db: CommandCenterDb, clock: TaskClock): Promise<TaskCounts> {
  const b = boundsOf(clock);
  // From the counters (lib/db/task-counts-middleware.ts): one read of a few hundred rows, summed
  // here, where IndexedDB's count() walks every task of a range (60–90 ms for 10,000 tasks,
  // BENCHMARKS.md). A zone whose midnight is not on a quarter hour (none today) counts the slow way.
  const cuts = [b.today, b.tomorrow, b.dayAfter, b.week];
  if (!cuts.every((at) => Number.isInteger(at / QUARTER_MS))) return countTheSlowWay(db, clock, b, cuts);
  const now = Math.max(clock.now, b.today);
  const nowQuarter = Math.floor(now / QUARTER_MS);
  const [rows, thisQuarter, done] = await Promise.all([
    db.taskDueCounts.toArray(),
    // Timed tasks due earlier in the quarter hour now is in: overdue already, by their time.
    openDue(db, nowQuarter * QUARTER_MS, Math.min(now, b.tomorrow))
      .filter((task) => task.dueKind === 'dateTime')
      .count(),
    db.counters.get(DONE_COUNTER),
  ]);
  const sums: FiveSums = [0, 0, 0, 0, 0];
  const quarters = cuts.map((at) => at / QUARTER_MS);
  const todayQuarter = quarters[0] ?? 0;
  let past = thisQuarter;
  for (const { q, n } of rows) {
    let part = 0;
    while (part < quarters.length && q >= (quarters[part] ?? Infinity)) part++;
    sums[part] = (sums[part] ?? 0) + n;
    // Whole quarters of today before now's: timed tasks there (whole keys) are overdue.
    if (Number.isInteger(q) && q >= todayQuarter && q < nowQuarter) past += n;
  }
  return countsOf(sums, past, done?.value ?? 0);
}

type FiveSums = [number, number, number, number, number];

function countsOf([before, today, tomorrow, rest, later]: FiveSums, past: number, completed: number): TaskCounts {
  return {
    overdue: before + past,
    today: today - past,
    tomorrow,
    next7: today - past + tomorrow + rest,
    open: before + today + tomorrow + rest + later,
    completed,
  };
}

async function countTheSlowWay(db: CommandCenterDb, clock: TaskClock, b: DayBounds, cuts: number[]) {
  const [sums, past, done] = await Promise.all([
    countByRange(db, cuts),
    pastToday(db, clock, b),
    db.counters.get(DONE_COUNTER),
  ]);
  return countsOf(sums, past, done?.value ?? 0);
}

/** The same by counting the queue index's ranges (slow: for a zone off the quarter hours). */
async function countByRange(db: CommandCenterDb, cuts: number[]): Promise<FiveSums> {
  const bounds = [-Infinity, ...cuts, NO_DUE_AT + 1];
  return (await Promise.all(
    bounds.slice(1).map((to, i) => openDue(db, bounds[i] ?? -Infinity, to).count()),
  )) as FiveSums;
}

/** The tasks of one view, in its order: the queue's for open views, the newest done first for Completed. */
export function taskViewCollection(db: CommandCenterDb, view: TaskView, clock: TaskClock) {
  const b = boundsOf(clock);
  const notPast = (task: TaskRecord) => !(task.dueKind === 'dateTime' && task.dueAt < clock.now);
  switch (view) {
    case 'completed':
      return db.tasks.orderBy('doneAt').reverse();
    case 'open':
      return openDue(db, -Infinity, NO_DUE_AT + 1);
    case 'overdue':
      return openDue(db, -Infinity, clock.now).filter((task) => task.dueAt < b.today || task.dueKind === 'dateTime');
    case 'today':
      return openDue(db, b.today, b.tomorrow).filter(notPast);
    case 'tomorrow':
      return openDue(db, b.tomorrow, b.dayAfter);
    case 'next7':
      return openDue(db, b.today, b.week).filter(notPast);
  }
}

/**
 * The counts as they will be once `leaving` (open tasks just completed or skipped here, still
 * shown open by the last answer) are done: the sidebar shows this at once, the background's
 * answer follows.
 */
export function countsWithout(counts: TaskCounts, leaving: readonly TaskRecord[], clock: TaskClock): TaskCounts {
  const next = { ...counts };
  for (const task of leaving) {
    if (task.status !== 'open') continue;
    for (const view of TASK_VIEWS) if (view !== 'completed' && inView(task, view, clock)) next[view] -= 1;
    next.completed += 1;
  }
  return next;
}

/**
 * One page of a view, in its order. Today and Next 7 days are read as two ranges, the tasks due
 * on a day or at midnight first (their due is the day's first instant), then the times still to
 * come: filtering the past ones out walks every task of today by cursor (42 ms at 10,000 tasks).
 */
export async function readViewTasks(
  db: CommandCenterDb,
  view: TaskView,
  clock: TaskClock,
  offset: number,
  limit: number,
): Promise<TaskRecord[]> {
  if (view !== 'today' && view !== 'next7')
    return taskViewCollection(db, view, clock).offset(offset).limit(limit).toArray();
  const b = boundsOf(clock);
  const end = view === 'today' ? b.tomorrow : b.week;
  const from = Math.max(clock.now, b.today + 1);
  const [first, rest] = await Promise.all([
    openDue(db, b.today, b.today + 1)
      .filter((task) => !(task.dueKind === 'dateTime' && task.dueAt < clock.now))
      .toArray(),
    from < end
      ? openDue(db, from, end)
          .limit(offset + limit)
          .toArray()
      : Promise.resolve([]),
  ]);
  return [...first, ...rest].slice(offset, offset + limit);
}
