// The narrow storage interface every backend implements. Times are epoch milliseconds.
import type { EventReason, ReasonCode, ReasonParams } from '../reasons/event-reasons.ts';

// The feed's vocabulary, as values so that the extension's side can be checked against it
// (tests/unit/server-contract.test.ts at the repository root).
export const CLASSIFICATIONS = ['human', 'proxy', 'prefetch', 'scanner', 'self', 'unknown'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const EVENT_TYPES = ['view', 'click', 'bounce', 'complaint', 'delivered', 'failed', 'deferred'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface LinkRecord {
  index: number;
  /** The redirect target; null when the link was left alone (mailto:, tel:, opted out). */
  url: string | null;
}

export interface MessageRecord {
  pk: number;
  accountId: number;
  messageId: string;
  token: string;
  sentAt: number;
  tracking: boolean;
  recipients: string[];
  lastSelfViewAt: number | null;
  links: LinkRecord[];
}

export interface NewMessage {
  accountId: number;
  messageId: string;
  token: string;
  sentAt: number;
  tracking: boolean;
  recipients: string[];
  links: LinkRecord[];
}

/** A place in a hit journal: everything before `offset` in `segment` (and all earlier segments) is written. */
/** The hit writer's step over the journal: from the position stored to the one it read up to. */
export interface JournalMove {
  from: JournalPosition | null;
  to: JournalPosition;
}

export interface JournalPosition {
  journalId: string;
  segment: number;
  offset: number;
}

export interface NewEvent {
  accountId: number;
  messagePk: number;
  messageId: string;
  type: EventType;
  at: number;
  classification: Classification | null;
  /** English text; with `reasonCode` and `reasonParams` from one `eventReason` (reasons/event-reasons.ts). */
  reason: string;
  reasonCode?: ReasonCode | null;
  reasonParams?: ReasonParams | null;
  linkIndex?: number | null;
  url?: string | null;
  detail?: string | null;
  /** The address a delivery report or a send attempt is about; absent for hits. */
  recipient?: string | null;
  ip?: string | null;
  ua?: string | null;
}

/**
 * A view or click already stored, as the classifier reads a message's history. No address or user
 * agent: with STORE_IP_UA off they are not stored, and a rule must work the same either way.
 */
export interface StoredHit {
  id: number;
  type: 'view' | 'click';
  at: number;
  linkIndex: number | null;
  classification: Classification | null;
  reasonCode: string | null;
}

/** Which stored hits a batch reads with its messages (recordHits). */
export interface HistoryRead {
  /** Hits stored at or after this. */
  since: number;
  /** Only these tokens' messages; all the batch's when absent. */
  tokens?: string[];
  /** Views, clicks or both (the default). */
  types?: readonly ('view' | 'click')[];
}

/** Stored events to give another label, in the transaction that found out. */
export interface Relabel {
  ids: number[];
  classification: Classification;
  reason: EventReason;
}

/** Each message's stored hits by message pk, oldest first; every pk asked for has a list, maybe empty. */
export type HitHistory = Map<number, StoredHit[]>;

export interface FeedEvent {
  cursor: string;
  messageId: string;
  type: EventType;
  at: number;
  classification: Classification | null;
  reason: string;
  /** Null on events stored before reasons had codes. */
  reasonCode: string | null;
  reasonParams: ReasonParams | null;
  linkIndex: number | null;
  url: string | null;
  detail: string | null;
  recipient: string | null;
}

export type SendStatus = 'scheduled' | 'sending' | 'sent' | 'failed' | 'cancelled';

/**
 * A stored send: what was asked for (NewSend) plus what the server keeps about it, without the
 * mail's body, which only the mail process reads (findSendContent): a 10 MB mail must not be read
 * on the thread that answers pixels.
 */
export interface SendJob extends Omit<NewSend, 'html' | 'text'> {
  id: number;
  token: string;
  /** Recipients still to be delivered; shrinks as recipients are accepted or bounce. */
  to: string[];
  status: SendStatus;
  attempts: number;
}

export interface SendContent {
  html: string;
  text: string | null;
}

export interface NewSend extends SendContent {
  accountId: number;
  messagePk: number;
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  sendAt: number;
}

export interface Repository {
  readonly kind: 'sqlite' | 'postgres';
  describe(): string;
  close(): Promise<void>;

  createAccount(name: string, now: number): Promise<number>;
  listAccounts(): Promise<{ id: number; name: string; keys: number }[]>;
  addApiKey(accountId: number, keyHash: string, label: string, now: number): Promise<void>;
  revokeApiKey(keyHash: string, now: number): Promise<boolean>;
  revokeAccountKeys(accountId: number, now: number): Promise<number>;
  findAccountByKeyHash(keyHash: string): Promise<number | null>;

  insertMessage(message: NewMessage, now: number): Promise<MessageRecord>;
  findMessage(accountId: number, messageId: string): Promise<MessageRecord | null>;
  findMessagesByTokens(tokens: string[]): Promise<Map<string, MessageRecord>>;
  /** The scanner window counts from the real send time, which for a scheduled send is known only now. */
  setSentAt(messagePk: number, sentAt: number): Promise<void>;
  setTracking(accountId: number, messageId: string, enabled: boolean): Promise<boolean>;
  /** Remembers the rep's own view and re-labels that message's hits of the last windowMs as `self`. */
  markSelfView(accountId: number, messageId: string, at: number, windowMs: number): Promise<boolean>;

  /**
   * Looks up the hits' messages and inserts the events `build` makes of them, in one transaction.
   * With `read`, also moves the journal's stored read position from `read.from` (null: none
   * stored yet) to `read.to`, in the same transaction. When the stored position is not `from`,
   * nothing is written and `stale` is true: another commit (one whose answer was lost) got there first.
   *
   * With `history`, `build` also gets those messages' hits stored since then (recentHits),
   * read in the same transaction after the messages are locked: on PostgreSQL two servers'
   * batches for one message take turns, and the second one's history holds the first one's hits.
   * Without it the history is empty. `relabel`, called after `build`, names stored events to
   * re-label in the same transaction.
   */
  recordHits(
    tokens: string[],
    build: (messages: Map<string, MessageRecord>, history: HitHistory) => NewEvent[],
    now: number,
    read?: JournalMove,
    options?: { history?: HistoryRead; relabel?: () => Relabel[] },
  ): Promise<{ events: NewEvent[]; ids: number[]; stale: boolean }>;
  /** The messages' views and clicks (or `types`) stored at or after `since`, oldest first (outside any transaction). */
  recentHits(messagePks: number[], since: number, types?: readonly ('view' | 'click')[]): Promise<HitHistory>;
  journalPosition(journalId: string): Promise<JournalPosition | null>;
  /** Inserts all events in one transaction; returns their ids in order. */
  insertEvents(events: NewEvent[], now: number): Promise<number[]>;
  relabelEvents(ids: number[], classification: Classification, reason: EventReason): Promise<void>;
  /** Events after `after`, in cursor order, stopping before the first one recorded after settledBefore. */
  readFeed(accountId: number, after: string, limit: number, settledBefore: number): Promise<FeedEvent[]>;
  /** Forgets IP and user agent of hits older than `before`; the verdicts stay. */
  purgeRawHits(before: number): Promise<number>;

  insertSend(send: NewSend, now: number): Promise<SendJob>;
  findSend(accountId: number, messageId: string): Promise<SendJob | null>;
  findSendContent(id: number): Promise<SendContent | null>;
  /** Changes a job only while it is still `scheduled`; returns false otherwise. */
  updateScheduledSend(
    accountId: number,
    messageId: string,
    change: { sendAt?: number; cancel?: boolean },
  ): Promise<boolean>;
  /** Moves due jobs to `sending` under a lease so that two instances never send the same job. */
  claimDueSends(now: number, leaseMs: number, limit: number): Promise<SendJob[]>;
  /** Jobs whose lease ran out while `sending` (the process died mid-send): marked failed, returned once. */
  expireStaleSends(now: number): Promise<SendJob[]>;
  finishSendAttempt(
    id: number,
    outcome: { status: SendStatus; to: string[]; sendAt: number; error: string | null },
  ): Promise<void>;
  recordInboundReport(kind: string, messagePk: number | null, summary: string, now: number): Promise<void>;
}
