import type { CommandCenterDb } from '../db/database';
import type { TaskRecord } from '../db/records';
import type { EmailRow, ListRow } from './email-row';

// The open task a Delivered row shows ("Call · due tomorrow"): the one due soonest among the
// email's open tasks, read from the tasks' emailId index for the rows of one page only.

export type EmailTaskChip = NonNullable<EmailRow['openTask']>;

export async function withOpenTasks(db: CommandCenterDb, rows: ListRow[]): Promise<ListRow[]> {
  const ids = rows.flatMap((row) => (row.kind === 'email' ? [row.id] : []));
  if (ids.length === 0) return rows;
  const tasks = await db.tasks
    .where('emailId')
    .anyOf(ids)
    .filter((task) => task.status === 'open')
    .toArray();
  const byEmail = new Map<string, TaskRecord[]>();
  for (const task of tasks) byEmail.set(task.emailId!, [...(byEmail.get(task.emailId!) ?? []), task]);
  return rows.map((row) => {
    const open = row.kind === 'email' ? byEmail.get(row.id) : undefined;
    if (row.kind !== 'email' || !open) return row;
    const soonest = open.reduce((a, b) => (b.dueAt < a.dueAt ? b : a));
    const chip: EmailTaskChip = {
      id: soonest.id,
      type: soonest.type,
      dueAt: soonest.dueAt,
      dueKind: soonest.dueKind,
      ...(soonest.dueDay ? { dueDay: soonest.dueDay } : {}),
      open: open.length,
    };
    return { ...row, openTask: chip };
  });
}
