import type { ReasonParams } from '../emails/reason';
import type { EmailStatus } from '../emails/status';

// Row types of the local database. Timestamps are epoch milliseconds (numbers index and
// compare fastest in IndexedDB). Ids are strings so rows can be created offline and
// demo rows can be told apart by prefix.

export interface Recipient {
  address: string;
  name?: string | undefined;
}

// Reasons are stored as English text plus, since reason codes, the code, its parameters and any
// detail from outside (lib/emails/reason.ts). Rows from before have only the text.

export interface StatusChange {
  status: EmailStatus;
  at: number;
  reason: string;
  reasonCode?: string;
  reasonParams?: ReasonParams;
  reasonDetail?: string;
}

export interface Engagement {
  views: number;
  clicks: number;
  replied: boolean;
  /** Views and clicks that were machines (proxy prefetch, scanners, the rep's own views). */
  machineViews: number;
  machineClicks: number;
  lastActivityAt?: number;
}

export interface EmailRecord {
  id: string;
  status: EmailStatus;
  subject: string;
  to: Recipient[];
  personIds: string[];
  campaignId?: string;
  bodyPreview?: string;
  /** Bulk sends (send individually, group sends) never become drafts. */
  bulk: boolean;
  tracking: boolean;
  createdAt: number;
  scheduledAt?: number;
  sentAt?: number | undefined;
  failedAt?: number;
  // `| undefined`: a new failure clears the fields an earlier one set (reason.ts#toStoredFailure).
  failureReason?: string | undefined;
  failureCode?: string | undefined;
  failureParams?: ReasonParams | undefined;
  failureDetail?: string | undefined;
  /** When the current status began. */
  statusAt: number;
  /** The folder's natural sort date (sent, scheduled, failed or created), kept by the lifecycle. */
  folderDate: number;
  statusHistory: StatusChange[];
  engagement: Engagement;
  threadId?: string;
  messageId?: string;
  /** Cc and Bcc of an email sent from the rep's own compose (webmail-sends.ts). */
  cc?: Recipient[];
  bcc?: Recipient[];
  /** Where it was written: the rep's own compose in that webmail; absent for our own sends. */
  origin?: 'gmail' | 'outlook';
  /** Why it is not tracked (webmail-sends.ts): stored like a history reason. */
  untrackedReason?: string | undefined;
  untrackedCode?: string | undefined;
  untrackedParams?: ReasonParams | undefined;
  untrackedDetail?: string | undefined;
  /** Until when the webmail may still take the send back (Undo Send); it is Delivered after. */
  undoUntil?: number | undefined;
  /** The webmail's own draft id (Gmail `#msg-a:r-…`), so the draft it becomes after Undo is known. */
  webmailDraftId?: string;
  /** Lower-case words of subject and recipients, for the quick filter's index (search-words.ts). */
  searchWords?: string[];
}

/** A deleted email, kept for undo (and purged after a while) with its events left in place. */
export interface TrashedEmailRecord extends EmailRecord {
  deletedAt: number;
}

export interface PersonRecord {
  id: string;
  email: string;
  name: string;
  company?: string;
}

export interface CampaignRecord {
  id: string;
  name: string;
  createdAt: number;
}

export const EVENT_TYPES = ['view', 'click', 'reply', 'bounce', 'complaint'] as const;
export type EngagementEventType = (typeof EVENT_TYPES)[number];

export const CLASSIFICATIONS = ['human', 'self', 'proxy', 'prefetch', 'scanner', 'unknown'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export interface EngagementEventRecord {
  id?: number;
  emailId: string;
  type: EngagementEventType;
  at: number;
  classification: Classification;
  reason: string;
  reasonCode?: string;
  reasonParams?: ReasonParams;
  reasonDetail?: string;
  url?: string;
  linkIndex?: number;
  /** The tracking server's cursor, so a re-pulled event is not stored twice. */
  serverCursor?: string;
}

export const TASK_TYPES = ['email', 'call', 'linkedin', 'custom'] as const;
export type TaskType = (typeof TASK_TYPES)[number];
export type TaskStatus = 'open' | 'completed' | 'skipped';

export interface TaskRecord {
  id: string;
  type: TaskType;
  title: string;
  personId?: string;
  emailId?: string;
  campaignId?: string;
  dueAt: number;
  priority: 'normal' | 'high';
  notes?: string;
  status: TaskStatus;
  createdAt: number;
  completedAt?: number;
}

export interface SavedSearchRecord {
  id: string;
  name: string;
  /** Filters are versioned by the search module; stored as plain data. */
  filters: Record<string, unknown>;
  createdAt: number;
  lastViewedAt: number;
}

/** Durable outbox: work the background must finish even if the worker dies mid-way. */
export interface JobRecord {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  dueAt: number;
  attempts: number;
  state: 'queued' | 'done' | 'failed';
  lastError?: string;
}

/** Results of commands already applied, so a retried command id is answered, not re-run. */
export interface CommandLogRecord {
  id: string;
  name: string;
  at: number;
  result: unknown;
}

/** A number kept in step with the rows it counts (folder counts), so reading it costs one row. */
export interface CounterRecord {
  id: string;
  value: number;
}

/** An email the periodic check found damaged (no dates, no status): shown under "needs attention". */
export interface DamagedEmailRecord {
  id: string;
  problem: string;
  at: number;
}

/** Messages the background refused (unknown sender, malformed payload), for the health view. */
export interface RejectionRecord {
  id?: number;
  at: number;
  reason: string;
  sender: string;
  summary: string;
}
