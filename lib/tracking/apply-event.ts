import type { CommandCenterDb } from '../db/database';
import type { EngagementEventRecord } from '../db/records';
import { withinTransaction } from '../db/within-transaction';
import { saveEmail } from '../emails/email-writes';
import { changeStatus } from '../emails/lifecycle';
import { type Reason, toStoredFailure, toStoredReason } from '../emails/reason';
import { statusAfter, type TransitionCause } from '../emails/transitions';
import { type RuleContext, ruleTables } from '../tasks/rule-evaluation';
import { localRuleContext } from '../tasks/task-wording';
import { noteAddressStanding } from './address-events';
import { applyEngagementEvents, isEngagement } from './apply-engagement';
import { clearedBy, isDeliveryWarning, warningAfter } from './delivery-warning';
import { reasonOf, type ServerEvent } from './server-event';

// One event from the server's feed (server-event.ts) folded into the local database.

/**
 * What each delivery outcome does to the email's status: the transitions (transitions.ts) of
 * these causes. A "delivered" report moves a sending email, never unarchives an archived one.
 * A soft bounce or delay changes no status (delivery-warning.ts), whatever its type.
 */
const STATUS_EFFECTS: Partial<Record<ServerEvent['type'], TransitionCause[]>> = {
  bounce: ['rejected-at-send', 'bounced'],
  complaint: ['complaint'],
  delivered: ['sent'],
  // The relay accepted it (Delivered), then gave up after its retries (failed.expiredReport).
  failed: ['send-failed', 'expired'],
};

/**
 * Applies one event once (its server cursor is unique); returns false when it changed nothing.
 * A view or click is applied as a page of one (apply-engagement.ts).
 */
export async function applyServerEvent(
  db: CommandCenterDb,
  event: ServerEvent,
  rules: () => RuleContext = localRuleContext,
): Promise<boolean> {
  if (isEngagement(event)) return (await applyEngagementEvents(db, [event], rules)) > 0;
  return withinTransaction(db, [db.counters, ...ruleTables(db)], async () => {
    if (await db.events.where('serverCursor').equals(event.cursor).count()) return false;
    const email = await db.emails.get(event.messageId);
    if (!email) return false;
    const at = Date.parse(event.at);
    const reason = reasonOf(event);

    if (isDeliveryWarning(event)) {
      // Kept in the timeline like a bounce; the status stays (delivery-warning.ts).
      await db.events.add({ ...deliveryEvent(email.id, 'warning', at, reason), serverCursor: event.cursor });
      const warning = warningAfter(email, { at, ...toStoredReason(reason) });
      if (warning !== email.deliveryWarning) await saveEmail(db, { ...email, deliveryWarning: warning }, email);
      return true;
    }
    if (event.type === 'bounce' || event.type === 'complaint') {
      await db.events.add({ ...deliveryEvent(email.id, event.type, at, reason), serverCursor: event.cursor });
    }
    await noteAddressStanding(db, email, event, at, reason);
    const causes = STATUS_EFFECTS[event.type];
    const to = causes && statusAfter(email.status, causes);
    // A final outcome supersedes the warning; a delivery after it says the retries worked.
    const cleared = clearedBy(email.deliveryWarning, at) ? { deliveryWarning: undefined } : {};
    if (to) {
      await changeStatus(db, email.id, {
        to,
        reason: { ...reason, text: reason.text || event.type },
        now: at,
        patch:
          to === 'delivered'
            ? { sentAt: at, ...cleared }
            : to === 'bounced' || to === 'failed' || to === 'spam'
              ? { failedAt: at, ...toStoredFailure(reason), deliveryWarning: undefined }
              : {},
      });
    } else if (event.type === 'delivered' && 'deliveryWarning' in cleared) {
      await saveEmail(db, { ...email, ...cleared }, email);
    }
    return true;
  });
}

function deliveryEvent(
  emailId: string,
  type: 'bounce' | 'complaint' | 'warning',
  at: number,
  reason: Reason,
): EngagementEventRecord {
  return { emailId, type, at, classification: 'unknown', ...toStoredReason(reason) };
}
