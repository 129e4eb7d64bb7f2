import type { CommandCenterDb } from '../db/database';
import { type TaskRow, toTaskRows } from './task-page';
import type { TaskClock } from './task-views';

// The tasks of one email (its detail view).

const MAX_SHOWN = 50;

/** Open tasks first, soonest due first; then done ones, newest first. */
export async function readEmailTasks(db: CommandCenterDb, emailId: string, clock: TaskClock): Promise<TaskRow[]> {
  const tasks = await db.tasks.where('emailId').equals(emailId).limit(MAX_SHOWN).toArray();
  tasks.sort((a, b) =>
    a.status === 'open' && b.status === 'open'
      ? a.dueAt - b.dueAt
      : a.status === 'open'
        ? -1
        : b.status === 'open'
          ? 1
          : (b.doneAt ?? 0) - (a.doneAt ?? 0),
  );
  return toTaskRows(db, tasks, clock);
}
