import { type CommandCenterDb, taskTables } from '../db/database';
import { NO_DUE_AT, type TaskPriority, type TaskRecord, type TaskSource, type TaskType } from '../db/records';
import { withinTransaction } from '../db/within-transaction';
import { isOverdue, type TaskClock, taskViewCollection } from './task-views';
import { type DayKey, dayKeyOf, startOfDay } from './zoned-time';

// Every change to a task, one function each. A change names the version it was made from: a task
// deleted or changed elsewhere since (another window, a rule, an Undo) is refused with a code the
// sidebar words, and the others in the same bulk action still go through. Each change answers
// what Undo needs to put back exactly the state before it.

export type DueInput = { kind: 'dateTime'; at: number } | { kind: 'day'; day: DayKey } | { kind: 'none' };

export interface NewTask {
  id?: string | undefined;
  type: TaskType;
  title: string;
  personId?: string | undefined;
  personName?: string | undefined;
  emailId?: string | undefined;
  campaignId?: string | undefined;
  due: DueInput;
  priority: TaskPriority;
  notes?: string | undefined;
  source?: TaskSource | undefined;
  ruleId?: string | undefined;
}

export interface TaskEdit {
  type?: TaskType | undefined;
  title?: string | undefined;
  personId?: string | null | undefined;
  personName?: string | null | undefined;
  due?: DueInput | undefined;
  priority?: TaskPriority | undefined;
  notes?: string | null | undefined;
}

/** A task named with the version the rep saw. */
export interface TaskRef {
  id: string;
  version: number;
}

/** The fields a change may touch, as they were: what Undo writes back. */
const UNDONE_FIELDS = [
  'status',
  'dueAt',
  'dueKind',
  'dueDay',
  'completedAt',
  'skippedAt',
  'doneAt',
  'snoozedAt',
  'remindedFor',
  'title',
  'type',
  'priority',
  'notes',
  'personId',
  'personName',
] as const;
type Kept = 'status' | 'dueAt' | 'dueKind' | 'title' | 'type' | 'priority';
export type TaskPrior = Pick<TaskRecord, Kept> & {
  [K in Exclude<(typeof UNDONE_FIELDS)[number], Kept>]?: TaskRecord[K] | undefined;
};

export interface TaskUndo {
  id: string;
  /** The version the change made: Undo applies only while the task is still at it. */
  version: number;
  prior: TaskPrior;
}

export type TaskFailure = 'gone' | 'changed';

export interface TaskActionResult {
  done: string[];
  failed: { id: string; code: TaskFailure }[];
  undo: TaskUndo[];
}

export const TITLE_MAX = 500;

/** The stored due fields of a due input, in the rep's zone. */
export function dueFields(due: DueInput, timeZone: string): Pick<TaskRecord, 'dueAt' | 'dueKind' | 'dueDay'> {
  if (due.kind === 'dateTime') return { dueAt: due.at, dueKind: 'dateTime' };
  if (due.kind === 'day') return { dueAt: startOfDay(due.day, timeZone), dueKind: 'day', dueDay: due.day };
  return { dueAt: NO_DUE_AT, dueKind: 'none' };
}

function priorOf(task: TaskRecord): TaskPrior {
  const prior: Record<string, unknown> = {};
  for (const field of UNDONE_FIELDS) if (task[field] !== undefined) prior[field] = task[field];
  return prior as TaskPrior;
}

/** Writes `patch` over `task` (an undefined value removes the field) with the next version. */
function applyPatch(task: TaskRecord, patch: Record<string, unknown>, now: number): TaskRecord {
  const next: Record<string, unknown> = { ...task };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  next.updatedAt = now;
  next.version = task.version + 1;
  return next as unknown as TaskRecord;
}

function tidyTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim().slice(0, TITLE_MAX);
}

export async function createTask(db: CommandCenterDb, input: NewTask, clock: TaskClock): Promise<TaskRecord> {
  const title = tidyTitle(input.title);
  if (!title) throw new Error('a task needs a title');
  const task: TaskRecord = {
    id: input.id ?? crypto.randomUUID(),
    type: input.type,
    title,
    ...(input.personId ? { personId: input.personId } : {}),
    ...(input.personName && !input.personId ? { personName: input.personName.trim().slice(0, 200) } : {}),
    ...(input.emailId ? { emailId: input.emailId } : {}),
    ...(input.campaignId ? { campaignId: input.campaignId } : {}),
    ...dueFields(input.due, clock.timeZone),
    priority: input.priority,
    ...(input.notes?.trim() ? { notes: input.notes.trim() } : {}),
    status: 'open',
    source: input.source ?? 'manual',
    ...(input.ruleId ? { ruleId: input.ruleId } : {}),
    createdAt: clock.now,
    updatedAt: clock.now,
    version: 1,
  };
  await withinTransaction(db, taskTables(db), () => db.tasks.add(task));
  return task;
}

/** Runs `change` on each task still at the version the rep saw. */
async function eachTask(
  db: CommandCenterDb,
  refs: readonly TaskRef[],
  change: (task: TaskRecord) => Record<string, unknown> | null,
  now: number,
): Promise<TaskActionResult> {
  const result: TaskActionResult = { done: [], failed: [], undo: [] };
  const tasks = await db.tasks.bulkGet(refs.map((ref) => ref.id));
  const writes: TaskRecord[] = [];
  for (const [i, ref] of refs.entries()) {
    const task = tasks[i];
    const patch = task && task.version === ref.version ? change(task) : null;
    if (!task || !patch) {
      result.failed.push({ id: ref.id, code: task ? 'changed' : 'gone' });
      continue;
    }
    const next = applyPatch(task, patch, now);
    writes.push(next);
    result.done.push(task.id);
    result.undo.push({ id: task.id, version: next.version, prior: priorOf(task) });
  }
  if (writes.length > 0) await withinTransaction(db, taskTables(db), () => db.tasks.bulkPut(writes));
  return result;
}

export function completeTasks(db: CommandCenterDb, refs: readonly TaskRef[], now: number) {
  return eachTask(
    db,
    refs,
    (task) => (task.status === 'open' ? { status: 'completed', completedAt: now, doneAt: now } : null),
    now,
  );
}

export function skipTasks(db: CommandCenterDb, refs: readonly TaskRef[], now: number) {
  return eachTask(
    db,
    refs,
    (task) => (task.status === 'open' ? { status: 'skipped', skippedAt: now, doneAt: now } : null),
    now,
  );
}

/** Back to open: a completed or skipped task the rep wants to do after all. */
export function reopenTasks(db: CommandCenterDb, refs: readonly TaskRef[], now: number) {
  return eachTask(
    db,
    refs,
    (task) =>
      task.status === 'open'
        ? null
        : { status: 'open', completedAt: undefined, skippedAt: undefined, doneAt: undefined },
    now,
  );
}

/** A new due for open tasks; snoozing also notes when, and the reminder waits for the new time. */
export function rescheduleTasks(
  db: CommandCenterDb,
  refs: readonly TaskRef[],
  due: DueInput,
  clock: TaskClock,
  how: 'snooze' | 'reschedule',
) {
  const fields = dueFields(due, clock.timeZone);
  return eachTask(
    db,
    refs,
    (task) =>
      task.status === 'open'
        ? {
            ...fields,
            // Named even when undefined, so a day's dueDay goes when the due becomes a time.
            dueDay: fields.dueDay,
            remindedFor: undefined,
            ...(how === 'snooze' ? { snoozedAt: clock.now } : {}),
          }
        : null,
    clock.now,
  );
}

export function editTask(db: CommandCenterDb, ref: TaskRef, edit: TaskEdit, clock: TaskClock) {
  return eachTask(
    db,
    [ref],
    () => {
      const patch: Record<string, unknown> = {};
      if (edit.type) patch.type = edit.type;
      if (edit.title !== undefined) {
        const title = tidyTitle(edit.title);
        if (!title) return null;
        patch.title = title;
      }
      if (edit.priority) patch.priority = edit.priority;
      if (edit.notes !== undefined) patch.notes = edit.notes?.trim() || undefined;
      if (edit.personId !== undefined) {
        patch.personId = edit.personId ?? undefined;
        if (edit.personId) patch.personName = undefined;
      }
      if (edit.personName !== undefined && !patch.personId) patch.personName = edit.personName?.trim() || undefined;
      if (edit.due) {
        const fields = dueFields(edit.due, clock.timeZone);
        Object.assign(patch, fields, { dueDay: fields.dueDay, remindedFor: undefined });
      }
      return patch;
    },
    clock.now,
  );
}

/** Every overdue task becomes due today (as a day: its time has passed already). */
export async function moveOverdueToToday(db: CommandCenterDb, clock: TaskClock) {
  const overdue = await taskViewCollection(db, 'overdue', clock).toArray();
  const today: DueInput = { kind: 'day', day: dayKeyOf(clock.now, clock.timeZone) };
  return rescheduleTasks(
    db,
    overdue.filter((task) => isOverdue(task, clock)).map(({ id, version }) => ({ id, version })),
    today,
    clock,
    'reschedule',
  );
}

/** Puts back what a change took, for each task the change is still the last of. */
export async function undoTaskChanges(db: CommandCenterDb, undo: readonly TaskUndo[], now: number) {
  const priorById = new Map(undo.map((u) => [u.id, u.prior]));
  return eachTask(
    db,
    undo.map(({ id, version }) => ({ id, version })),
    (task) => {
      const prior: Partial<TaskPrior> = priorById.get(task.id) ?? {};
      const patch: Record<string, unknown> = {};
      for (const field of UNDONE_FIELDS) patch[field] = prior[field];
      // A field the task did not have before the change must go again.
      return patch;
    },
    now,
  );
}
