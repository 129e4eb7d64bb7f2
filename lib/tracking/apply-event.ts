import * as v from 'valibot';
import type { CommandCenterDb } from '../db/database';
import type { EngagementEventRecord } from '../db/records';
import { CLASSIFICATIONS } from '../db/records';
import { withinTransaction } from '../db/within-transaction';
import { countEngagement } from '../emails/engagement';
import { changeStatus } from '../emails/lifecycle';
import { saveEmail } from '../emails/email-writes';
import type { EmailStatus } from '../emails/status';

// One event from the server's feed, checked (the server is outside our trust boundary: its
// text is data, never markup) and folded into the local database.

export const serverEventSchema = v.object({
  cursor: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  messageId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  type: v.picklist(['view', 'click', 'bounce', 'complaint', 'delivered', 'failed', 'deferred']),
  at: v.pipe(v.string(), v.isoTimestamp()),
  classification: v.nullish(v.picklist(CLASSIFICATIONS)),
  reason: v.pipe(v.string(), v.maxLength(1000)),
  linkIndex: v.optional(v.number()),
  url: v.optional(v.pipe(v.string(), v.maxLength(4000))),
  detail: v.optional(v.pipe(v.string(), v.maxLength(2000))),
});

export type ServerEvent = v.InferOutput<typeof serverEventSchema>;

/** What each delivery outcome does to the email's status, and from which statuses. */
const STATUS_EFFECTS: Partial<Record<ServerEvent['type'], { to: EmailStatus; from: EmailStatus[] }>> = {
  bounce: { to: 'bounced', from: ['sending', 'delivered'] },
  complaint: { to: 'spam', from: ['delivered', 'archived'] },
  delivered: { to: 'delivered', from: ['sending'] },
  failed: { to: 'failed', from: ['sending', 'scheduled'] },
};

/** Applies one event once (its server cursor is unique); returns false when it changed nothing. */
export async function applyServerEvent(db: CommandCenterDb, event: ServerEvent): Promise<boolean> {
  return withinTransaction(db, [db.emails, db.events, db.counters], async () => {
    if (await db.events.where('serverCursor').equals(event.cursor).count()) return false;
    const email = await db.emails.get(event.messageId);
    if (!email) return false;
    const at = Date.parse(event.at);
    const text = [event.reason, event.detail].filter(Boolean).join(' — ');

    if (event.type === 'view' || event.type === 'click') {
      // Archived emails record nothing further (the rep turned tracking off).
      if (email.tracking === false) return false;
      const record: EngagementEventRecord = {
        emailId: email.id, type: event.type, at, classification: event.classification ?? 'unknown', reason: event.reason, serverCursor: event.cursor,
        ...(event.url !== undefined ? { url: event.url } : {}),
        ...(event.linkIndex !== undefined ? { linkIndex: event.linkIndex } : {}),
      };
      await db.events.add(record);
      countEngagement(email, record);
      await saveEmail(db, email, email);
      return true;
    }

    if (event.type === 'bounce' || event.type === 'complaint') {
      await db.events.add({ emailId: email.id, type: event.type, at, classification: 'unknown', reason: text, serverCursor: event.cursor });
    }
    const effect = STATUS_EFFECTS[event.type];
    if (effect && effect.from.includes(email.status)) {
      await changeStatus(db, email.id, {
        to: effect.to,
        reason: text || event.type,
        now: at,
        patch: effect.to === 'delivered' ? { sentAt: at } : effect.to === 'bounced' || effect.to === 'failed' || effect.to === 'spam' ? { failedAt: at, failureReason: text } : {},
      });
    }
    return true;
  });
}
