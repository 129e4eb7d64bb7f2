import { type CommandCenterDb, emailTables } from '../db/database';
import type { JobRecord } from '../db/records';
import { withinTransaction } from '../db/within-transaction';
import { Refusal } from '../errors/refusal';
import { removeEmail, saveEmail } from './email-writes';
import { changeStatus } from './lifecycle';
import { LOCAL_REASONS } from './local-reasons';
import { type Reason, toStoredReason } from './reason';
import type { EmailStatus } from './status';

// The rep's quick actions, one function each, working on one or many emails. Each email is
// judged on its own: one that changed meanwhile is reported back, the others still go through.

export interface ActionResult {
  done: string[];
  failed: { id: string; message: string }[];
}

type PerEmail = (id: string, now: number) => Promise<unknown>;

async function eachEmail(ids: readonly string[], act: PerEmail, now = Date.now()): Promise<ActionResult> {
  const result: ActionResult = { done: [], failed: [] };
  for (const id of ids) {
    try {
      await act(id, now);
      result.done.push(id);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      result.failed.push({ id, message: error.message });
    }
  }
  return result;
}

/** The server must stop (or resume) recording this email's pixel and clicks. Sent by the outbox. */
export function trackingJob(emailId: string, enabled: boolean, now: number): JobRecord {
  return {
    id: `tracking:${emailId}:${now}`,
    kind: 'tracking.set',
    payload: { emailId, enabled },
    dueAt: now,
    attempts: 0,
    state: 'queued',
  };
}

export function archiveEmails(db: CommandCenterDb, ids: readonly string[]) {
  return eachEmail(ids, async (id, now) => {
    await changeStatus(db, id, {
      to: 'archived',
      expected: 'delivered',
      reason: LOCAL_REASONS.archived,
      patch: { tracking: false },
      now,
    });
    await db.jobs.put(trackingJob(id, false, now));
  });
}

export function unarchiveEmails(db: CommandCenterDb, ids: readonly string[]) {
  return eachEmail(ids, async (id, now) => {
    await changeStatus(db, id, {
      to: 'delivered',
      expected: 'archived',
      reason: LOCAL_REASONS.unarchived,
      patch: { tracking: true },
      now,
    });
    await db.jobs.put(trackingJob(id, true, now));
  });
}

/** Draft → Scheduled at `at`; a scheduled email keeps its folder and gets the new time. */
export function rescheduleEmails(
  db: CommandCenterDb,
  ids: readonly string[],
  at: number,
  expected: EmailStatus,
  reason: Reason = LOCAL_REASONS.rescheduled,
) {
  return eachEmail(ids, async (id, now) => {
    if (expected === 'draft') {
      await changeStatus(db, id, { to: 'scheduled', expected: 'draft', reason, patch: { scheduledAt: at }, now });
      return;
    }
    await withinTransaction(db, emailTables(db), async () => {
      const email = await db.emails.get(id);
      if (!email) throw new Refusal('not_found', 'This email no longer exists.');
      if (email.status !== 'scheduled')
        throw new Refusal('conflict', `This email changed meanwhile: it is now ${email.status}.`);
      await saveEmail(
        db,
        {
          ...email,
          scheduledAt: at,
          folderDate: at,
          statusHistory: [...email.statusHistory, { status: 'scheduled', at: now, ...toStoredReason(reason) }],
        },
        email,
      );
    });
  });
}

/** "Send now" sets the send time to now: the scheduler sends it at its next wake-up. */
export function sendEmailsNow(db: CommandCenterDb, ids: readonly string[], expected: 'draft' | 'scheduled') {
  return rescheduleEmails(db, ids, Date.now(), expected, LOCAL_REASONS.sentNow);
}

/** Failed, Bounced or Spam → Scheduled, due now. The failure stays in the history. */
export function retryEmails(db: CommandCenterDb, ids: readonly string[], expected: 'failed' | 'bounced' | 'spam') {
  return eachEmail(ids, (id, now) =>
    changeStatus(db, id, {
      to: 'scheduled',
      expected,
      reason: LOCAL_REASONS.retried,
      patch: { scheduledAt: now },
      now,
    }),
  );
}

/** Moves emails to the trash (undo restores them); their events stay for the restore. */
export function deleteEmails(db: CommandCenterDb, ids: readonly string[], expected: EmailStatus) {
  return eachEmail(ids, (id, now) =>
    withinTransaction(db, [...emailTables(db), db.trash], async () => {
      const email = await db.emails.get(id);
      if (!email) throw new Refusal('not_found', 'This email no longer exists.');
      if (email.status !== expected)
        throw new Refusal('conflict', `This email changed meanwhile: it is now ${email.status}.`);
      // In the trash it belongs to no list; a restore joins the lists it matches then.
      const { lists: _lists, newIn: _newIn, ...kept } = email;
      await db.trash.put({ ...kept, deletedAt: now });
      await removeEmail(db, email);
    }),
  );
}

export function restoreEmails(db: CommandCenterDb, ids: readonly string[]) {
  return eachEmail(ids, (id) =>
    withinTransaction(db, [...emailTables(db), db.trash], async () => {
      const trashed = await db.trash.get(id);
      if (!trashed) throw new Refusal('not_found', 'This email is no longer in the trash.');
      const { deletedAt: _deletedAt, ...email } = trashed;
      await saveEmail(db, email, await db.emails.get(id));
      await db.trash.delete(id);
    }),
  );
}
