import type { CommandCenterDb } from '../db/database';
import type { EmailRecord, EngagementEventRecord } from '../db/records';
import { withinTransaction } from '../db/within-transaction';
import { saveEmails } from '../emails/email-writes';
import { countEngagement } from '../emails/engagement';
import { toStoredReason } from '../emails/reason';
import { evaluateRulesForEvents, type RuleContext, ruleTables } from '../tasks/rule-evaluation';
import { localRuleContext } from '../tasks/task-wording';
import { MEASURES, measureSince } from '../timing/measure';
import { type DeliveryProof, noteDeliveries } from './address-events';
import { reasonOf, type ServerEvent } from './server-event';

// Views and clicks from the server's feed, a page at a time. Each step is one request for the
// whole page (the duplicate check, the emails, the events, the emails again with their lists and
// counters, the people a view proves reached): a request costs about 0.2 ms of round trip in
// Chromium whatever it carries, and one view took eight of them one by one (BENCHMARKS.md).

export type EngagementEvent = ServerEvent & { type: 'view' | 'click' };

export const isEngagement = (event: ServerEvent): event is EngagementEvent =>
  event.type === 'view' || event.type === 'click';

function engagementRecord(email: EmailRecord, event: EngagementEvent, at: number): EngagementEventRecord {
  return {
    emailId: email.id,
    type: event.type,
    at,
    classification: event.classification ?? 'unknown',
    ...toStoredReason(reasonOf(event)),
    serverCursor: event.cursor,
    ...(event.url !== undefined ? { url: event.url } : {}),
    ...(event.linkIndex !== undefined ? { linkIndex: event.linkIndex } : {}),
  };
}

/**
 * Applies each view or click once, in order (its server cursor is unique), with what it does to
 * its email's counts and lists, the engagement rules and the bounce marks, in one transaction.
 * Returns how many changed something: an event already applied, for an email the rep does not
 * have, or for an archived one (the rep turned its tracking off) changes nothing.
 */
export function applyEngagementEvents(
  db: CommandCenterDb,
  events: readonly EngagementEvent[],
  rules: () => RuleContext = localRuleContext,
): Promise<number> {
  return withinTransaction(db, [db.counters, ...ruleTables(db)], async () => {
    const started = performance.now();
    const [stored, found] = await Promise.all([
      db.events
        .where('serverCursor')
        .anyOf(events.map((event) => event.cursor))
        .keys(),
      db.emails.bulkGet([...new Set(events.map((event) => event.messageId))]),
    ]);
    const emails = new Map(found.flatMap((email) => (email ? [[email.id, email]] : [])));
    // Cursors applied before, and then those earlier in this page (a page can repeat an event).
    const cursors = new Set(stored as string[]);
    const records: EngagementEventRecord[] = [];
    const proofs: DeliveryProof[] = [];
    const touched = new Map<string, EmailRecord>();
    for (const event of events) {
      const email = emails.get(event.messageId);
      if (cursors.has(event.cursor) || !email || email.tracking === false) continue;
      cursors.add(event.cursor);
      const record = engagementRecord(email, event, Date.parse(event.at));
      records.push(record);
      countEngagement(email, record);
      touched.set(email.id, email);
      proofs.push({ email, event, at: record.at });
    }
    if (records.length === 0) return 0;
    // Independent writes, in flight together: each awaited request is a round trip.
    await Promise.all([
      db.events.bulkAdd(records),
      // Engagement never changes a status: each row replaces itself.
      saveEmails(
        db,
        [...touched.values()].map((email) => ({ next: email, previous: email })),
      ),
      noteDeliveries(db, proofs),
    ]);
    await evaluateRulesForEvents(db, records, rules());
    measureSince(MEASURES.applyEvents, started, { events: records.length });
    return records.length;
  });
}
