import type { TaskRecord } from '../db/records';
import type { TaskClock } from './task-views';
import type { DueInput } from './task-writes';
import { addDays, atTimeOn, type DayKey, dayKeyOf, wallTimeAt, weekdayOf } from './zoned-time';

// Where a snooze puts a task. A task due at a time keeps its time of day; one due on a day stays
// a day. "Tomorrow" and "next Monday" count from today, not from the task's due date: a snooze
// is "not now", and a task overdue by a week must not land in the past again.

export type SnoozeChoice = { kind: 'tomorrow' } | { kind: 'nextMonday' } | { kind: 'pick'; day: DayKey; time?: string };

/** The day after today on which it is Monday (a week ahead when today is Monday). */
export function nextMonday(today: DayKey): DayKey {
  const ahead = (8 - weekdayOf(today)) % 7 || 7;
  return addDays(today, ahead);
}

/** The new due for `task` (or for several tasks at once, when `task` is left out: a day). */
export function snoozeDue(
  choice: SnoozeChoice,
  clock: TaskClock,
  task?: Pick<TaskRecord, 'dueAt' | 'dueKind'>,
): DueInput {
  const today = dayKeyOf(clock.now, clock.timeZone);
  const day =
    choice.kind === 'tomorrow' ? addDays(today, 1) : choice.kind === 'nextMonday' ? nextMonday(today) : choice.day;
  const time =
    choice.kind === 'pick' ? parseTime(choice.time) : task?.dueKind === 'dateTime' ? timeOf(task.dueAt, clock) : null;
  return time ? { kind: 'dateTime', at: atTimeOn(day, time.hour, time.minute, clock.timeZone) } : { kind: 'day', day };
}

function timeOf(at: number, clock: TaskClock): { hour: number; minute: number } {
  const wall = wallTimeAt(at, clock.timeZone);
  return { hour: wall.hour, minute: wall.minute };
}

/** `HH:MM` from a time input; null for an empty or malformed one. */
export function parseTime(value: string | undefined): { hour: number; minute: number } | null {
  const match = value ? /^(\d{1,2}):(\d{2})$/.exec(value) : null;
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}
