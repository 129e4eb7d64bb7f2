import type { Transaction } from 'dexie';
import { counterId } from '../emails/folder-counter-id';
import { folderDateOf } from '../emails/folder-date';
import { LOCAL_REASONS } from '../emails/local-reasons';
import { type EmailStatus, isEmailStatus } from '../emails/status';
import type { DeliveryWarning, EmailRecord, EngagementEventRecord } from './records';

// The v6 upgrade (issue #14): until then every bounce report moved an email to Bounced, soft ones
// included, so a rep whose prospect's mailbox was full for an hour saw a dead address. Those rows
// go back where they were, keeping the soft bounce as the row's warning.

/** The English text servers before reason codes wrote for a soft bounce (server event-reasons.ts). */
const SOFT_BOUNCE_TEXT = /^bounce: soft bounce \(/;

export function isSoftBounced(email: Pick<EmailRecord, 'status' | 'failureCode' | 'failureReason'>): boolean {
  if (email.status !== 'bounced') return false;
  if (email.failureCode !== undefined) return email.failureCode === 'bounce.soft';
  return SOFT_BOUNCE_TEXT.test(email.failureReason ?? '');
}

/**
 * Where a soft-bounced email belongs: Delivered once it was sent, else the status it had before
 * Bounced when its history kept it; undefined leaves it in Bounced (nothing says where else).
 */
export function statusBeforeSoftBounce(email: Pick<EmailRecord, 'sentAt' | 'statusHistory'>): EmailStatus | undefined {
  if (typeof email.sentAt === 'number') return 'delivered';
  const history = Array.isArray(email.statusHistory) ? email.statusHistory : [];
  const bouncedAt = history.findLastIndex((change) => change?.status === 'bounced');
  const before = bouncedAt > 0 ? history[bouncedAt - 1]?.status : undefined;
  return isEmailStatus(before) && before !== 'bounced' ? before : undefined;
}

/** Moves every soft-bounced email back, its folder counts and timeline with it. */
export async function moveSoftBouncesBack(tx: Transaction, now = Date.now()): Promise<void> {
  const emails = tx.table<EmailRecord, string>('emails');
  const bounced = await emails.where('status').equals('bounced').toArray();
  const moved: EmailRecord[] = [];
  for (const email of bounced.filter(isSoftBounced)) {
    const to = statusBeforeSoftBounce(email);
    if (to) moved.push(movedBack(email, to, now));
  }
  if (!moved.length) return;
  await emails.bulkPut(moved);

  // The folder counters, when they exist (ensureFolderCounters counts afresh when they do not).
  const counters = tx.table<{ id: string; value: number }, string>('counters');
  const deltas = new Map<string, number>([[counterId('bounced'), -moved.length]]);
  for (const email of moved) deltas.set(counterId(email.status), (deltas.get(counterId(email.status)) ?? 0) + 1);
  for (const [id, delta] of deltas) {
    const counter = await counters.get(id);
    if (counter) await counters.put({ id, value: Math.max(0, counter.value + delta) });
  }

  // Their soft bounce reports read as warnings in the timeline too.
  await tx
    .table<EngagementEventRecord, number>('events')
    .where('emailId')
    .anyOf(moved.map((email) => email.id))
    .modify((event) => {
      if (event.type === 'bounce' && (event.reasonCode === 'bounce.soft' || SOFT_BOUNCE_TEXT.test(event.reason)))
        event.type = 'warning';
    });
}

function movedBack(email: EmailRecord, to: EmailStatus, now: number): EmailRecord {
  const warning: DeliveryWarning = {
    at: email.failedAt ?? email.statusAt,
    reason: email.failureReason ?? '',
    ...(email.failureCode !== undefined ? { reasonCode: email.failureCode } : {}),
    ...(email.failureParams !== undefined ? { reasonParams: email.failureParams } : {}),
    ...(email.failureDetail !== undefined ? { reasonDetail: email.failureDetail } : {}),
  };
  const { failedAt: _failedAt, failureReason, failureCode, failureParams, failureDetail, ...kept } = email;
  const next: EmailRecord = {
    ...kept,
    status: to,
    statusAt: now,
    deliveryWarning: warning,
    statusHistory: [
      ...(Array.isArray(email.statusHistory) ? email.statusHistory : []),
      { status: to, at: now, reason: LOCAL_REASONS.softBounceKept.text, reasonCode: LOCAL_REASONS.softBounceKept.code },
    ],
  };
  next.folderDate = folderDateOf(next);
  return next;
}
