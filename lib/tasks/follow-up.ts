import { type CommandCenterDb, emailTables, taskTables } from '../db/database';
import type { TaskRecord } from '../db/records';
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
  });
}
