import type { ReasonParams, StoredReason } from '../emails/reason';
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
  /**
   * Views and clicks of people and their mail apps' proxies (human, proxy): what "trustworthy
   * signals only" counts (lib/search). Absent on rows from before; read as `views`/`clicks` then.
   */
  trustedViews?: number;
  trustedClicks?: number;
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
  /**
   * A soft bounce or a delay the relay is still retrying (issue #14): shown on the row, the status
   * kept. A later delivery, hard bounce or final failure clears it (lib/tracking/apply-event.ts).
   */
  deliveryWarning?: DeliveryWarning | undefined;
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
  /**
   * What its row in `emailSearch` was made from (lib/search/search-keys.ts): a write that changes
   * none of it (a view, most often) leaves that row, and its dozens of index entries, alone.
   */
  searchRow?: string;
  /** [what engagement it has, its campaign or ''], for the search's campaign and activity index (lib/search/activity-facet.ts). */
  searchFacet?: [number, string];
  /** The lists it belongs to, and those it joined since the rep last opened them (lib/lists). */
  lists?: string[];
  newIn?: string[];
}

/** Why the relay is retrying, stored like a history reason, and when the report came. */
export interface DeliveryWarning extends StoredReason {
  at: number;
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
  /** For Call tasks: offered as a tel: link. */
  phone?: string;
  /** A hard bounce said the address does not exist (lib/people/address-standing.ts). */
  undeliverable?: AddressMark | undefined;
  /** They reported the rep's mail as spam; no delivery clears it. */
  complained?: AddressMark | undefined;
}

/** Why and when an address was marked, and by the report about which email. */
export interface AddressMark extends StoredReason {
  at: number;
  emailId: string;
}

export interface CampaignRecord {
  id: string;
  name: string;
  createdAt: number;
}

// 'warning': a soft bounce or a delay (the server's `deferred`, or an older server's soft `bounce`).
export const EVENT_TYPES = ['view', 'click', 'reply', 'bounce', 'warning', 'complaint'] as const;
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
export const TASK_STATUSES = ['open', 'completed', 'skipped'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_PRIORITIES = ['high', 'normal'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export const TASK_SOURCES = ['manual', 'followUp', 'rule'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];
/** A due time of day, a due day without a time, or no due date at all. */
export type TaskDueKind = 'dateTime' | 'day' | 'none';

/**
 * `dueAt` is what the views sort and bucket by: the due instant, the first instant of the due day
 * in the rep's zone for a day (its `dueDay` kept as written), or NO_DUE_AT (after every date) when
 * there is none, so one index orders the whole queue. `version` grows with every change: a change
 * made from an older copy (another window, an Undo after an edit) is refused, never merged blindly.
 */
export interface TaskRecord {
  id: string;
  type: TaskType;
  title: string;
  personId?: string;
  /** The person as typed, when they are not among the rep's people. */
  personName?: string;
  emailId?: string;
  campaignId?: string;
  dueAt: number;
  dueKind: TaskDueKind;
  dueDay?: string;
  priority: TaskPriority;
  notes?: string;
  status: TaskStatus;
  source: TaskSource;
  /** The rule that made it (source 'rule'). */
  ruleId?: string;
  createdAt: number;
  updatedAt: number;
  completedAt?: number;
  skippedAt?: number;
  /** When it was completed or skipped: the Completed view's order. */
  doneAt?: number;
  snoozedAt?: number;
  /** The due time whose reminder was shown, so a reminder fires once per due time. */
  remindedFor?: number;
  version: number;
}

/** Sorts after every real date (the largest time a JS Date holds); never shown as a date. */
export const NO_DUE_AT = 8_640_000_000_000_000;

export const RULE_TRIGGERS = ['click', 'view'] as const;
export type RuleTrigger = (typeof RULE_TRIGGERS)[number];

/**
 * "When an email gets a human click (or view) and no reply within `noReplyDays` days, create a
 * `taskType` task due `dueInDays` days later (at `dueTime`, or as a day)". Each rule makes at most
 * one task per email: the task's id is made of the rule's and the email's.
 */
export interface TaskRuleRecord {
  id: string;
  trigger: RuleTrigger;
  noReplyDays: number;
  taskType: TaskType;
  dueInDays: number;
  dueTime?: { hour: number; minute: number };
  priority: TaskPriority;
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
  /**
   * Since when it has been on (created, switched back on, or given another trigger): it acts on
   * engagement from then on, never on clicks from before it existed. Rows from v3 read createdAt.
   */
  activeSince?: number;
}

/**
 * What one rule knows about one email (id `<ruleId>:<emailId>`): waiting until `waitUntil` for a
 * reply, or judged. A judged row is kept for good: it is what stops the rule making a second task
 * for the email when events are pulled again, after the rep completed or deleted the first.
 */
export interface RuleMatchRecord {
  id: string;
  ruleId: string;
  emailId: string;
  /** The first human trigger event the rule saw for the email. */
  triggeredAt: number;
  /** triggeredAt + the rule's no-reply days: no reply by then makes the task. */
  waitUntil: number;
  state: 'waiting' | 'made' | 'replied';
  taskId?: string;
  judgedAt?: number;
}

/**
 * A list: a saved search (issue #15). Its query is stored as it was written and checked on every
 * read (lib/search/query.ts checkQuery), so one saved by a newer version is kept, never lost.
 * Its members are the emails whose `lists` hold its id (lib/lists/list-membership.ts).
 */
export interface SavedSearchRecord {
  id: string;
  name: string;
  query: unknown;
  createdAt: number;
  updatedAt: number;
  /** When the rep last opened it: members that joined after are "new". */
  lastOpenedAt: number;
  /** Deleted and kept for Undo (purged later); a deleted list has no members. */
  deletedAt?: number | undefined;
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
/**
 * An email as the search and the quick filter read it (lib/search/search-row-page.ts), apart from
 * the row every view rewrites: its text indexes, and what else a text search filters and sorts by.
 */
export interface EmailSearchRecord {
  /** The email's id. */
  id: string;
  /** Short pieces of every word: the search's substring index (lib/search/text-grams.ts). */
  grams: string[];
  /** Lower-case words: the quick filter's index (lib/emails/search-words.ts). */
  words: string[];
  /** Subject and recipients as the text filters read them (searchTextOf). */
  text: string;
  status: string;
  folderDate: number;
  /** The email's searchFacet: [what engagement it has, its campaign or '']. */
  facet: [number, string];
}

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
