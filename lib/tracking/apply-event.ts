import * as v from 'valibot';
import type { CommandCenterDb } from '../db/database';
import type { EngagementEventRecord } from '../db/records';
import { CLASSIFICATIONS } from '../db/records';
import { withinTransaction } from '../db/within-transaction';
import { saveEmail } from '../emails/email-writes';
import { countEngagement } from '../emails/engagement';
import { changeStatus } from '../emails/lifecycle';
import { type Reason, toStoredFailure, toStoredReason } from '../emails/reason';
import { statusAfter, type TransitionCause } from '../emails/transitions';
import { evaluateRulesForEvent, type RuleContext, ruleTables } from '../tasks/rule-evaluation';
import { localRuleContext } from '../tasks/task-wording';
import { noteAddressStanding } from './address-events';
import { clearedBy, isDeliveryWarning, warningAfter } from './delivery-warning';

// One event from the server's feed, checked (the server is outside our trust boundary: its
// text is data, never markup) and folded into the local database.

/** The shape of the server's reason codes (server/README.md), e.g. `scanner.tooSoonAfterSend`. */
export const REASON_CODE_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)*$/;

const reasonCodeSchema = v.pipe(v.string(), v.maxLength(64), v.regex(REASON_CODE_PATTERN));
const reasonParamsSchema = v.pipe(
  v.record(
    v.pipe(v.string(), v.regex(/^[a-zA-Z][a-zA-Z0-9]{0,31}$/)),
    v.union([v.pipe(v.string(), v.maxLength(200)), v.pipe(v.number(), v.finite())]),
  ),
  v.check((params) => Object.keys(params).length <= 10, 'at most 10 reason parameters'),
);

export const serverEventSchema = v.object({
  cursor: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  messageId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  type: v.picklist(['view', 'click', 'bounce', 'complaint', 'delivered', 'failed', 'deferred']),
  at: v.pipe(v.string(), v.isoTimestamp()),
  classification: v.nullish(v.picklist(CLASSIFICATIONS)),
  reason: v.pipe(v.string(), v.maxLength(1000)),
  // A malformed code or parameters (a buggy or newer server) is dropped on its own rather than
  // refusing the event: the view still counts, and the rep reads the English text instead.
  reasonCode: v.fallback(v.optional(reasonCodeSchema), undefined),
  reasonParams: v.fallback(v.optional(reasonParamsSchema), undefined),
  linkIndex: v.optional(v.number()),
  url: v.optional(v.pipe(v.string(), v.maxLength(4000))),
  detail: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  // The address a delivery report is about (servers since issue #14). A malformed one is dropped.
  recipient: v.fallback(v.optional(v.pipe(v.string(), v.maxLength(320), v.email())), undefined),
});

export type ServerEvent = v.InferOutput<typeof serverEventSchema>;

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
 * A view or click goes through the engagement rules in the same transaction (rule-evaluation.ts).
 */
export async function applyServerEvent(
  db: CommandCenterDb,
  event: ServerEvent,
  rules: () => RuleContext = localRuleContext,
): Promise<boolean> {
  return withinTransaction(db, [db.counters, ...ruleTables(db)], async () => {
    if (await db.events.where('serverCursor').equals(event.cursor).count()) return false;
    const email = await db.emails.get(event.messageId);
    if (!email) return false;
    const at = Date.parse(event.at);
    const reason: Reason = {
      text: [event.reason, event.detail].filter(Boolean).join(' — '),
      ...(event.reasonCode !== undefined ? { code: event.reasonCode } : {}),
      ...(event.reasonParams !== undefined ? { params: event.reasonParams } : {}),
      ...(event.detail ? { detail: event.detail } : {}),
    };

    if (event.type === 'view' || event.type === 'click') {
      // Archived emails record nothing further (the rep turned tracking off).
      if (email.tracking === false) return false;
      const record: EngagementEventRecord = {
        emailId: email.id,
        type: event.type,
        at,
        classification: event.classification ?? 'unknown',
        ...toStoredReason(reason),
        serverCursor: event.cursor,
        ...(event.url !== undefined ? { url: event.url } : {}),
        ...(event.linkIndex !== undefined ? { linkIndex: event.linkIndex } : {}),
      };
      await db.events.add(record);
      countEngagement(email, record);
      await saveEmail(db, email, email);
      await evaluateRulesForEvent(db, record, rules());
      await noteAddressStanding(db, email, event, at, reason);
      return true;
    }

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
