import { type CommandCenterDb, emailTables, taskTables } from '../db/database';
import type { EmailRecord, TaskRecord } from '../db/records';
import { withinTransaction } from '../db/within-transaction';
import { Refusal } from '../errors/refusal';
import { personForEmail } from './task-person';
import type { TaskClock } from './task-views';
import type { TaskWording } from './task-wording';
import { createTask, type DueInput } from './task-writes';
import { addDays, dayKeyOf } from './zoned-time';

// Follow up from a Delivered email (its row's action): a Call, Email or Custom task for the
// email's first recipient, linked to the email (and its campaign), due tomorrow unless the rep
// picked another due.

export const FOLLOW_UP_TYPES = ['call', 'email', 'custom'] as const;
export type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];

export interface FollowUpRequest {
  emailId: string;
  type: FollowUpType;
  due?: DueInput | undefined;
}

/** Tomorrow, as a day in the rep's zone. */
export function tomorrow(clock: TaskClock): DueInput {
  return { kind: 'day', day: addDays(dayKeyOf(clock.now, clock.timeZone), 1) };
}

/**
 * A task for each of the emails (issue #15: "create a task for each" on a search or a list), the
 * type and due chosen once. Any status will do; an email gone meanwhile is reported, not fatal.
 */
export async function followUpEach(
  db: CommandCenterDb,
  request: { ids: readonly string[]; type: FollowUpType; due?: DueInput | undefined },
  clock: TaskClock,
  wording: TaskWording,
): Promise<{ done: string[]; failed: { id: string; message: string }[] }> {
  const result = { done: [] as string[], failed: [] as { id: string; message: string }[] };
  for (const id of request.ids) {
    await withinTransaction(db, [...emailTables(db), db.people, ...taskTables(db)], async () => {
      const email = await db.emails.get(id);
      if (!email) return void result.failed.push({ id, message: 'This email was deleted.' });
      await followUpTask(db, email, request, clock, wording);
      result.done.push(id);
    });
  }
  return result;
}

export function followUpEmail(
  db: CommandCenterDb,
  request: FollowUpRequest,
  clock: TaskClock,
  wording: TaskWording,
): Promise<TaskRecord> {
  return withinTransaction(db, [...emailTables(db), db.people, ...taskTables(db)], async () => {
    const email = await db.emails.get(request.emailId);
    if (!email) throw new Refusal('not_found', 'This email was deleted.');
    if (email.status !== 'delivered')
      throw new Refusal('conflict', 'Only a delivered email can be followed up from its row.');
    return followUpTask(db, email, request, clock, wording);
  });
}

/** The follow-up task of one email: for its first recipient, linked to it and its campaign. */
async function followUpTask(
  db: CommandCenterDb,
  email: EmailRecord,
  request: { type: FollowUpType; due?: DueInput | undefined },
  clock: TaskClock,
  wording: TaskWording,
): Promise<TaskRecord> {
  return createTask(
    db,
    {
      type: request.type,
      title: wording.followUpTitle(email.subject),
      personId: await personForEmail(db, email),
      emailId: email.id,
      campaignId: email.campaignId,
      due: request.due ?? tomorrow(clock),
      priority: 'normal',
      source: 'followUp',
    },
    clock,
  );
}
