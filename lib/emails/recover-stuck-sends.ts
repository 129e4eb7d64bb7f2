import type { CommandCenterDb } from '../db/database';
import { changeStatus } from './lifecycle';

/** A send takes seconds; one still "sending" after this long lost its worker mid-send. */
export const STUCK_AFTER_MS = 5 * 60_000;
export const INTERRUPTED_REASON = 'interrupted while sending — check before retrying';

/**
 * Moves emails stuck in In Progress to Failed with a reason the rep can act on. It never resends
 * them: whether the first attempt went out is unknown, so the rep decides (Retry).
 */
export async function recoverStuckSends(db: CommandCenterDb, now = Date.now()): Promise<string[]> {
  const stuck = await db.emails
    .where('status')
    .equals('sending')
    .filter((email) => email.statusAt < now - STUCK_AFTER_MS)
    .primaryKeys();
  for (const id of stuck) {
    await changeStatus(db, id, { to: 'failed', expected: 'sending', reason: INTERRUPTED_REASON, patch: { failedAt: now, failureReason: INTERRUPTED_REASON }, now });
  }
  return stuck;
}
