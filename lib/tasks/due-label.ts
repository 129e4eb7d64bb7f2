import type { TaskRecord } from '../db/records';
import type { TaskClock } from './task-views';
import { addDays, dayKeyOf, parseDayKey } from './zoned-time';

// A task's due as the rep reads it in a row: "today 15:00", "tomorrow", "Mon, Dec 7", in their
// language and time zone. The full date and time is the row's tooltip (`dueTitle`).

export function dueLabel(
  task: Pick<TaskRecord, 'dueAt' | 'dueKind' | 'dueDay'>,
  clock: TaskClock,
  locale: string,
): string | null {
  if (task.dueKind === 'none') return null;
  const day = task.dueKind === 'day' && task.dueDay ? task.dueDay : dayKeyOf(task.dueAt, clock.timeZone);
  const today = dayKeyOf(clock.now, clock.timeZone);
  const offset = [-1, 0, 1].find((n) => addDays(today, n) === day);
  const dayText =
    offset !== undefined
      ? new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(offset, 'day')
      : dayFormat(locale, day, today).format(dayInstant(day));
  if (task.dueKind === 'day') return dayText;
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: clock.timeZone }).format(task.dueAt);
  return `${dayText} ${time}`;
}

export function dueTitle(
  task: Pick<TaskRecord, 'dueAt' | 'dueKind' | 'dueDay'>,
  clock: TaskClock,
  locale: string,
): string | null {
  if (task.dueKind === 'none') return null;
  if (task.dueKind === 'day')
    return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(
      dayInstant(task.dueDay ?? dayKeyOf(task.dueAt, clock.timeZone)),
    );
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: clock.timeZone }).format(
    task.dueAt,
  );
}

/** Noon UTC of the day: formatted in UTC, it is that calendar day whatever the zone. */
function dayInstant(day: string): number {
  const parsed = parseDayKey(day);
  return parsed ? Date.UTC(parsed.year, parsed.month - 1, parsed.day, 12) : 0;
}

function dayFormat(locale: string, day: string, today: string): Intl.DateTimeFormat {
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  });
}
