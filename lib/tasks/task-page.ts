import type { CommandCenterDb } from '../db/database';
import type { TaskRecord } from '../db/records';
import {
  isOverdue,
  readTaskCounts,
  readViewTasks,
  type TaskClock,
  type TaskCounts,
  type TaskView,
  taskViewCollection,
} from './task-views';

/** One line of the Tasks tab: the task, its person's name and address, and whether it is overdue. */
export interface TaskRow extends TaskRecord {
  personLabel?: string;
  personEmail?: string;
  personPhone?: string;
  personCompany?: string;
  emailSubject?: string;
  overdue: boolean;
}

export interface TaskPage {
  view: TaskView;
  rows: TaskRow[];
  total: number;
  counts: TaskCounts;
}

/** Joins each task with its person and email, for display. */
export async function toTaskRows(db: CommandCenterDb, tasks: TaskRecord[], clock: TaskClock): Promise<TaskRow[]> {
  const personIds = [...new Set(tasks.flatMap((task) => (task.personId ? [task.personId] : [])))];
  const emailIds = [...new Set(tasks.flatMap((task) => (task.emailId ? [task.emailId] : [])))];
  const [people, emails] = await Promise.all([db.people.bulkGet(personIds), db.emails.bulkGet(emailIds)]);
  const personById = new Map(people.flatMap((p) => (p ? [[p.id, p] as const] : [])));
  const emailById = new Map(emails.flatMap((e) => (e ? [[e.id, e] as const] : [])));
  return tasks.map((task) => {
    const person = task.personId ? personById.get(task.personId) : undefined;
    const email = task.emailId ? emailById.get(task.emailId) : undefined;
    return {
      ...task,
      ...((person?.name ?? task.personName) ? { personLabel: person?.name ?? task.personName } : {}),
      ...(person?.email ? { personEmail: person.email } : {}),
      ...(person?.phone ? { personPhone: person.phone } : {}),
      ...(person?.company ? { personCompany: person.company } : {}),
      ...(email ? { emailSubject: email.subject } : {}),
      overdue: isOverdue(task, clock),
    };
  });
}

export async function readTaskPage(
  db: CommandCenterDb,
  args: { view: TaskView; clock: TaskClock; offset: number; limit: number },
): Promise<TaskPage> {
  const [tasks, counts] = await Promise.all([
    readViewTasks(db, args.view, args.clock, args.offset, args.limit),
    readTaskCounts(db, args.clock),
  ]);
  return { view: args.view, rows: await toTaskRows(db, tasks, args.clock), total: counts[args.view], counts };
}

/**
 * Do mode's order: the overdue first (the longest overdue first), then the rest of the open
 * queue by due and priority, undated last.
 */
export async function readTaskQueue(db: CommandCenterDb, clock: TaskClock, limit: number): Promise<TaskRow[]> {
  const overdue = await taskViewCollection(db, 'overdue', clock).limit(limit).toArray();
  const rest =
    overdue.length < limit
      ? await taskViewCollection(db, 'open', clock)
          .filter((task) => !isOverdue(task, clock))
          .limit(limit - overdue.length)
          .toArray()
      : [];
  return toTaskRows(db, [...overdue, ...rest], clock);
}

/** One task for its detail view, or null when it is gone. */
export async function readTask(db: CommandCenterDb, id: string, clock: TaskClock): Promise<TaskRow | null> {
  const task = await db.tasks.get(id);
  return task ? ((await toTaskRows(db, [task], clock))[0] ?? null) : null;
}
