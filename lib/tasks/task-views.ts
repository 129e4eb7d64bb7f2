import Dexie from 'dexie';
import type { CommandCenterDb } from '../db/database';
import { NO_DUE_AT, type TaskRecord } from '../db/records';
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
  // Disjoint ranges, so each open task's key is counted once: the whole index is walked once.
  const [before, past, today, tomorrow, rest, later, completed] = await Promise.all([
    openDue(db, -Infinity, b.today).count(),
    pastToday(db, clock, b),
    openDue(db, b.today, b.tomorrow).count(),
    openDue(db, b.tomorrow, b.dayAfter).count(),
    openDue(db, b.dayAfter, b.week).count(),
    openDue(db, b.week, NO_DUE_AT + 1).count(),
    db.tasks.where('doneAt').above(0).count(),
  ]);
  return {
    overdue: before + past,
    today: today - past,
    tomorrow,
    next7: today - past + tomorrow + rest,
    open: before + today + tomorrow + rest + later,
    completed,
  };
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
