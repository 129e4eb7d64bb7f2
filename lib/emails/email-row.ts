import type {
  Classification,
  DeliveryWarning,
  EmailRecord,
  EngagementEventType,
  Recipient,
  TaskRecord,
} from '../db/records';
import { fromStoredFailure, fromStoredReason, type Reason } from './reason';
import { type EmailStatus, isEmailStatus } from './status';

// What the list and the detail show of an email: plain data, checked on the way out of the
// database so a damaged or newer-version row becomes a "needs attention" item, never a crash.

export interface EmailRow {
  kind: 'email';
  id: string;
  status: EmailStatus;
  to: Recipient[];
  subject: string;
  campaignId?: string;
  campaignName?: string;
  bulk: boolean;
  statusAt: number;
  folderDate: number;
  /** Why it failed, bounced or was marked spam; the sidebar renders it with reason-text.ts. */
  failure?: Reason;
  /** A soft bounce or delay the relay is retrying; the status is kept (issue #14). */
  warning?: { reason: Reason; at: number };
  /** Why an email from the rep's compose is not tracked (webmail-sends.ts). */
  untracked?: Reason;
  engagement: EmailRecord['engagement'];
  /** Its open task due soonest, and how many it has (email-tasks.ts); the row shows it as a chip. */
  openTask?: Pick<TaskRecord, 'id' | 'type' | 'dueAt' | 'dueKind' | 'dueDay'> & { open: number };
}

export interface DamagedRow {
  kind: 'damaged';
  id: string;
  problem: string;
}

export type ListRow = EmailRow | DamagedRow;

export interface EventRow {
  id: number;
  type: EngagementEventType;
  at: number;
  classification: Classification;
  reason: Reason;
  url?: string;
}

export interface HistoryEntry {
  status: EmailStatus;
  at: number;
  reason: Reason;
}

export interface EmailDetail extends EmailRow {
  bodyPreview?: string;
  createdAt: number;
  scheduledAt?: number;
  sentAt?: number;
  tracking: boolean;
  cc?: Recipient[];
  bcc?: Recipient[];
  /** Sent from the rep's own compose in this webmail, with the webmail's thread id when it had one. */
  origin?: 'gmail' | 'outlook';
  threadId?: string;
  statusHistory: HistoryEntry[];
}

/** The first thing wrong with a stored email, or undefined when it can be shown. */
export function problemWith(record: Partial<EmailRecord> & { id?: unknown }): string | undefined {
  if (typeof record.id !== 'string') return 'it has no id';
  if (!isEmailStatus(record.status)) return `unknown status "${String(record.status)}"`;
  if (typeof record.subject !== 'string') return 'its subject is missing';
  if (!Array.isArray(record.to) || record.to.some((recipient) => typeof recipient?.address !== 'string'))
    return 'its recipients are missing or damaged';
  if (typeof record.statusAt !== 'number' || typeof record.folderDate !== 'number') return 'its dates are missing';
  if (record.campaignId !== undefined && typeof record.campaignId !== 'string') return 'its campaign is damaged';
  const engagement = record.engagement;
  if (!engagement || typeof engagement.views !== 'number' || typeof engagement.clicks !== 'number')
    return 'its engagement summary is damaged';
  return undefined;
}

export function toListRow(record: EmailRecord, campaignNames: ReadonlyMap<string, string>): ListRow {
  const problem = problemWith(record);
  if (problem) return { kind: 'damaged', id: String(record.id), problem };
  const row: EmailRow = {
    kind: 'email',
    id: record.id,
    status: record.status,
    to: record.to,
    subject: record.subject,
    bulk: record.bulk === true,
    statusAt: record.statusAt,
    folderDate: record.folderDate,
    engagement: record.engagement,
  };
  if (record.campaignId) {
    row.campaignId = record.campaignId;
    const name = campaignNames.get(record.campaignId);
    if (name) row.campaignName = name;
  }
  const failure = fromStoredFailure(record);
  if (failure) row.failure = failure;
  const warning = fromStoredWarning(record.deliveryWarning);
  if (warning) row.warning = warning;
  const untracked = record.tracking === false ? fromStoredUntracked(record) : undefined;
  if (untracked) row.untracked = untracked;
  return row;
}

/** A damaged or newer-version warning is left off the row rather than shown half. */
function fromStoredWarning(stored: unknown): EmailRow['warning'] {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { at, reason } = stored as Partial<DeliveryWarning>;
  if (typeof at !== 'number' || !Number.isFinite(at) || typeof reason !== 'string') return undefined;
  return { reason: fromStoredReason(stored as DeliveryWarning), at };
}

function fromStoredUntracked(record: EmailRecord): Reason | undefined {
  if (!record.untrackedReason) return undefined;
  return fromStoredReason({
    reason: record.untrackedReason,
    ...(record.untrackedCode ? { reasonCode: record.untrackedCode } : {}),
    ...(record.untrackedParams ? { reasonParams: record.untrackedParams } : {}),
    ...(record.untrackedDetail ? { reasonDetail: record.untrackedDetail } : {}),
  });
}
