import type { CommandCenterDb } from '../db/database';
import { changeStatus } from './lifecycle';
import { LOCAL_REASONS } from './local-reasons';
import { toStoredFailure } from './reason';

/** A send takes seconds; one still "sending" after this long lost its worker mid-send. */
export const STUCK_AFTER_MS = 5 * 60_000;

/**
 * Moves emails stuck in In Progress to Failed with a reason the rep can act on. It never resends
 * them: whether the first attempt went out is unknown, so the rep decides (Retry). A send from the
 * rep's own compose that the tab never confirmed says to look in the webmail, which alone knows;
 * one handed over (its Undo window set) is not stuck: deliverPastUndo (webmail-sends.ts) moves it.
 */
export async function recoverStuckSends(db: CommandCenterDb, now = Date.now()): Promise<string[]> {
  const stuck = await db.emails
    .where('status')
    .equals('sending')
    .filter((email) => email.statusAt < now - STUCK_AFTER_MS && email.undoUntil === undefined)
    .toArray();
  for (const { id, origin } of stuck) {
    const reason = origin ? LOCAL_REASONS.webmailUnconfirmed : LOCAL_REASONS.interrupted;
    await changeStatus(db, id, {
      to: 'failed',
      expected: 'sending',
      reason,
      patch: { failedAt: now, ...toStoredFailure(reason) },
      now,
    });
  }
  return stuck.map((email) => email.id);
}
