import Dexie from 'dexie';
import { type CommandCenterDb, taskTables } from '../db/database';
import { NO_DUE_AT, type TaskRecord } from '../db/records';
import type { TaskClock } from './task-views';
import { atTimeOn } from './zoned-time';

// Reminders at due time. A timed task reminds at its time; a task due on a day reminds at 09:00
// of that day in the rep's zone (the start of a working day: midnight would wake nobody, and the
// Today view already lists it). `remindedFor` holds the due time whose reminder was shown, so a
// reminder comes once per due time: a snooze or a new due clears it (task-writes.ts) and the task
// reminds again at its new time.
//
// Order, chosen so that no reminder is lost: the notification is shown first, then remindedFor
// is written. A worker stopped between the two shows it again at the next start, under the same
// notification id, and the browser replaces a notification with the same id rather than adding a
// second one. Writing first would lose the reminder for good in that same gap.

export const DAY_TASK_REMINDER_HOUR = 9;
/** A reminder noticed this long after its time says it is late (the browser was closed or asleep). */
export const LATE_AFTER_MS = 5 * 60_000;
/** Reminders older than this are not shown at all (a task overdue for weeks needs no ping). */
export const STALE_AFTER_MS = 7 * 86_400_000;
/** At most this many notifications at once; the rest are one "N more tasks are due". */
export const MAX_NOTIFICATIONS = 3;

const TASK_NOTIFICATION = 'task-reminder:';
export const SUMMARY_NOTIFICATION = 'task-reminders';

export interface Note {
  title: string;
  message: string;
}

/** Shows one notification; the same id again replaces it. */
export type ShowNotification = (id: string, note: Note) => Promise<void>;

export interface ReminderWording {
  reminder: (task: TaskRecord, at: number, late: boolean) => Note;
  summary: (count: number) => Note;
}

export function reminderTimeOf(task: Pick<TaskRecord, 'dueAt' | 'dueKind' | 'dueDay'>, timeZone: string) {
  if (task.dueKind === 'none') return undefined;
  if (task.dueKind === 'day' && task.dueDay) return atTimeOn(task.dueDay, DAY_TASK_REMINDER_HOUR, 0, timeZone);
  return task.dueAt;
}

export function notificationIdOf(task: Pick<TaskRecord, 'id' | 'dueAt'>): string {
  return `${TASK_NOTIFICATION}${task.id}:${task.dueAt}`;
}

/** What a clicked notification points at: one task, or the Tasks tab (the summary). */
export function targetOfNotification(id: string): { taskId?: string } | undefined {
  if (id === SUMMARY_NOTIFICATION) return {};
  if (!id.startsWith(TASK_NOTIFICATION)) return undefined;
  const rest = id.slice(TASK_NOTIFICATION.length);
  const cut = rest.lastIndexOf(':');
  return cut > 0 ? { taskId: rest.slice(0, cut) } : undefined;
}

/** Open tasks with a due, in due order, up to `until`. A reminder never comes before its due. */
function openDueUntil(db: CommandCenterDb, until: number) {
  return db.tasks
    .where('[status+dueAt+priority]')
    .between(['open', Dexie.minKey, Dexie.minKey], ['open', Math.min(until, NO_DUE_AT - 1), Dexie.maxKey], true, true)
    .filter((task) => task.dueKind !== 'none' && task.remindedFor !== task.dueAt);
}

/** When the next reminder is due (for the alarm), or undefined when no open task waits for one. */
export async function nextReminderAt(db: CommandCenterDb, timeZone: string): Promise<number | undefined> {
  let next: number | undefined;
  await openDueUntil(db, NO_DUE_AT)
    .until((task) => next !== undefined && task.dueAt > next)
    .each((task) => {
      const at = reminderTimeOf(task, timeZone);
      if (at !== undefined && (next === undefined || at < next)) next = at;
    });
  return next;
}

/** Bookkeeping, not the rep's change: no new version, so a row the rep has open stays current. */
async function markReminded(db: CommandCenterDb, shown: TaskRecord): Promise<void> {
  await db.transaction('rw', taskTables(db), async () => {
    const task = await db.tasks.get(shown.id);
    if (task?.status === 'open' && task.dueAt === shown.dueAt && task.remindedFor !== task.dueAt)
      await db.tasks.update(task.id, { remindedFor: task.dueAt });
  });
}

export interface FiredReminders {
  shown: string[];
  late: string[];
  summarised: number;
  stale: number;
}

/** Shows every reminder that is due and was not shown yet: at an alarm, and at every worker start. */
export async function fireDueReminders(
  db: CommandCenterDb,
  clock: TaskClock,
  show: ShowNotification,
  wording: ReminderWording,
): Promise<FiredReminders> {
  const due: { task: TaskRecord; at: number }[] = [];
  await openDueUntil(db, clock.now).each((task) => {
    const at = reminderTimeOf(task, clock.timeZone);
    if (at !== undefined && at <= clock.now) due.push({ task, at });
  });
  due.sort((a, b) => a.at - b.at);
  const fired: FiredReminders = { shown: [], late: [], summarised: 0, stale: 0 };
  const stale = due.filter(({ at }) => at < clock.now - STALE_AFTER_MS);
  const fresh = due.filter(({ at }) => at >= clock.now - STALE_AFTER_MS);
  for (const { task } of stale) await markReminded(db, task);
  fired.stale = stale.length;
  // The latest ones each get a notification; any earlier ones are one line.
  const each = fresh.slice(-MAX_NOTIFICATIONS);
  const rest = fresh.slice(0, Math.max(0, fresh.length - MAX_NOTIFICATIONS));
  if (rest.length > 0) {
    await show(SUMMARY_NOTIFICATION, wording.summary(rest.length));
    for (const { task } of rest) await markReminded(db, task);
    fired.summarised = rest.length;
  }
  for (const { task, at } of each) {
    const late = at < clock.now - LATE_AFTER_MS;
    await show(notificationIdOf(task), wording.reminder(task, at, late));
    await markReminded(db, task);
    fired.shown.push(task.id);
    if (late) fired.late.push(task.id);
  }
  return fired;
}
