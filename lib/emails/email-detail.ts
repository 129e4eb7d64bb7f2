import Dexie from 'dexie';
import type { CommandCenterDb } from '../db/database';
import { type AddressStanding, addressStandings, recipientsOf } from '../people/address-standing';
import { type DamagedRow, type EmailDetail, type EventRow, problemWith, toListRow } from './email-row';
import { fromStoredReason } from './reason';

export interface EmailDetailResult {
  email: EmailDetail | DamagedRow | null;
  events: EventRow[];
  /** Its recipients who bounced hard or complained (lib/people/address-standing.ts). */
  standings: AddressStanding[];
}

/** One email with its status history and every engagement event, oldest first. */
export async function readEmailDetail(db: CommandCenterDb, id: string): Promise<EmailDetailResult> {
  const record = await db.emails.get(id);
  if (!record) return { email: null, events: [], standings: [] };
  const problem = problemWith(record);
  if (problem) return { email: { kind: 'damaged', id, problem }, events: [], standings: [] };
  const campaign = record.campaignId ? await db.campaigns.get(record.campaignId) : undefined;
  const row = toListRow(record, new Map(campaign ? [[campaign.id, campaign.name]] : []));
  if (row.kind === 'damaged') return { email: row, events: [], standings: [] };
  const events = await db.events.where('[emailId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray();
  const email: EmailDetail = {
    ...row,
    createdAt: record.createdAt,
    tracking: record.tracking !== false,
    statusHistory: (Array.isArray(record.statusHistory) ? record.statusHistory : []).map((change) => ({
      status: change.status,
      at: change.at,
      reason: fromStoredReason(change),
    })),
  };
  if (record.bodyPreview !== undefined) email.bodyPreview = record.bodyPreview;
  if (record.scheduledAt !== undefined) email.scheduledAt = record.scheduledAt;
  if (record.sentAt !== undefined) email.sentAt = record.sentAt;
  if (record.cc?.length) email.cc = record.cc;
  if (record.bcc?.length) email.bcc = record.bcc;
  if (record.origin) email.origin = record.origin;
  if (record.threadId) email.threadId = record.threadId;
  return {
    email,
    standings: await addressStandings(db, recipientsOf(record)),
    events: events.map((event) => ({
      id: event.id ?? 0,
      type: event.type,
      at: event.at,
      classification: event.classification,
      reason: fromStoredReason(event),
      ...(event.url ? { url: event.url } : {}),
    })),
  };
}
