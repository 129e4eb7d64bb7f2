import { type CommandCenterDb, emailTables } from '../db/database';
import type { EmailRecord } from '../db/records';
import { withinTransaction } from '../db/within-transaction';
import { Refusal } from '../errors/refusal';
import { saveEmail } from './email-writes';
import { folderDateOf } from './folder-date';
import { type Reason, toStoredReason } from './reason';
import { type EmailStatus, isEmailStatus } from './status';
import { isLegalTransition } from './transitions';

export interface StatusChangeRequest {
  to: EmailStatus;
  reason: Reason;
  /** The status the rep saw when acting; a different one means the email changed meanwhile. */
  expected?: EmailStatus | readonly EmailStatus[];
  /** Other fields that change with the status (send time, failure reason, tracking). */
  patch?: Partial<
    Pick<
      EmailRecord,
      | 'scheduledAt'
      | 'sentAt'
      | 'failedAt'
      | 'failureReason'
      | 'failureCode'
      | 'failureParams'
      | 'failureDetail'
      | 'tracking'
      | 'undoUntil'
      | 'deliveryWarning'
    >
  >;
  now?: number;
}

/**
 * Moves one email to a new status through the transition table, in one Dexie transaction, with
 * a timestamp and a reason in its history. An illegal change, or one on an email that changed
 * meanwhile, is refused with a clear error and changes nothing.
 */
export async function changeStatus(
  db: CommandCenterDb,
  id: string,
  request: StatusChangeRequest,
): Promise<EmailRecord> {
  return withinTransaction(db, emailTables(db), async () => {
    const email = await db.emails.get(id);
    if (!email) throw new Refusal('not_found', 'This email no longer exists.');
    const expected = request.expected === undefined ? undefined : ([] as EmailStatus[]).concat(request.expected);
    if (expected && !expected.includes(email.status)) {
      throw new Refusal('conflict', `This email changed meanwhile: it is now ${email.status}.`);
    }
    if (!isEmailStatus(email.status))
      throw new Refusal('conflict', `This email has an unknown status (${String(email.status)}).`);
    if (!isLegalTransition(email.status, request.to)) {
      throw new Refusal('conflict', `An email cannot go from ${email.status} to ${request.to}.`);
    }
    if (request.to === 'draft' && email.bulk) throw new Refusal('conflict', 'Bulk sends are never drafts.');
    const now = request.now ?? Date.now();
    const next: EmailRecord = {
      ...email,
      ...request.patch,
      status: request.to,
      statusAt: now,
      statusHistory: [
        ...(email.statusHistory ?? []),
        { status: request.to, at: now, ...toStoredReason(request.reason) },
      ],
    };
    next.folderDate = folderDateOf(next);
    return saveEmail(db, next, email);
  });
}
