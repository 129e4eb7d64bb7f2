import type { EventReason } from '../reasons/event-reasons.ts';
import * as events from './event-queries.ts';
import * as messages from './message-queries.ts';
import type {
  Classification,
  FeedEvent,
  HistoryRead,
  HitHistory,
  JournalMove,
  JournalPosition,
  MessageRecord,
  NewEvent,
  NewMessage,
  NewSend,
  Relabel,
  Repository,
  SendContent,
  SendJob,
  SendStatus,
} from './repository.ts';
import * as sends from './send-queries.ts';
import { num, type SqlDriver } from './sql-driver.ts';

/** One implementation of the repository over either SQL driver; only a few queries differ by dialect. */
export class SqlRepository implements Repository {
  readonly kind: 'sqlite' | 'postgres';
  readonly db: SqlDriver;
  private readonly description: string;

  constructor(db: SqlDriver, description: string) {
    this.db = db;
    this.description = description;
    this.kind = db.dialect;
  }

  describe(): string {
    return this.description;
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async createAccount(name: string, now: number): Promise<number> {
    const [row] = await this.db.all('INSERT INTO accounts (name, created_at) VALUES ($1, $2) RETURNING id', [
      name,
      now,
    ]);
    return num(row?.id);
  }

  async listAccounts(): Promise<{ id: number; name: string; keys: number }[]> {
    const rows = await this.db.all(
      `SELECT a.id, a.name, COUNT(k.id) AS keys FROM accounts a
       LEFT JOIN api_keys k ON k.account_id = a.id AND k.revoked_at IS NULL GROUP BY a.id, a.name ORDER BY a.id`,
    );
    return rows.map((r) => ({ id: num(r.id), name: String(r.name), keys: num(r.keys) }));
  }

  async addApiKey(accountId: number, keyHash: string, label: string, now: number): Promise<void> {
    await this.db.run('INSERT INTO api_keys (account_id, key_hash, label, created_at) VALUES ($1, $2, $3, $4)', [
      accountId,
      keyHash,
      label,
      now,
    ]);
  }

  async revokeApiKey(keyHash: string, now: number): Promise<boolean> {
    return (
      (await this.db.run('UPDATE api_keys SET revoked_at = $2 WHERE key_hash = $1 AND revoked_at IS NULL', [
        keyHash,
        now,
      ])) > 0
    );
  }

  revokeAccountKeys(accountId: number, now: number): Promise<number> {
    return this.db.run('UPDATE api_keys SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL', [
      accountId,
      now,
    ]);
  }

  async findAccountByKeyHash(keyHash: string): Promise<number | null> {
    const [row] = await this.db.all('SELECT account_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL', [
      keyHash,
    ]);
    return row ? num(row.account_id) : null;
  }

  insertMessage(message: NewMessage, now: number): Promise<MessageRecord> {
    return messages.insertMessage(this.db, message, now);
  }
  findMessage(accountId: number, messageId: string): Promise<MessageRecord | null> {
    return messages.findMessage(this.db, accountId, messageId);
  }
  findMessagesByTokens(tokens: string[]): Promise<Map<string, MessageRecord>> {
    return messages.findMessagesByTokens(this.db, tokens, { withLinks: true });
  }
  async setSentAt(messagePk: number, sentAt: number): Promise<void> {
    await this.db.run('UPDATE messages SET sent_at = $2 WHERE id = $1', [messagePk, sentAt]);
  }
  setTracking(accountId: number, messageId: string, enabled: boolean): Promise<boolean> {
    return messages.setTracking(this.db, accountId, messageId, enabled);
  }
  markSelfView(accountId: number, messageId: string, at: number, windowMs: number): Promise<boolean> {
    return messages.markSelfView(this.db, accountId, messageId, at, windowMs);
  }

  recordHits(
    tokens: string[],
    build: (found: Map<string, MessageRecord>, history: HitHistory) => NewEvent[],
    now: number,
    read?: JournalMove,
    options: { history?: HistoryRead; relabel?: () => Relabel[] } = {},
  ): Promise<{ events: NewEvent[]; ids: number[]; stale: boolean }> {
    return events.recordHits(this.db, tokens, build, now, read, options.history, options.relabel);
  }
  recentHits(messagePks: number[], since: number, types?: readonly ('view' | 'click')[]): Promise<HitHistory> {
    return events.recentHits(this.db, messagePks, since, types);
  }
  journalPosition(journalId: string): Promise<JournalPosition | null> {
    return events.journalPosition(this.db, journalId);
  }
  insertEvents(list: NewEvent[], now: number): Promise<number[]> {
    return events.insertEvents(this.db, list, now);
  }
  relabelEvents(ids: number[], classification: Classification, reason: EventReason): Promise<void> {
    return events.relabelEvents(this.db, ids, classification, reason);
  }
  readFeed(accountId: number, after: string, limit: number, settledBefore: number): Promise<FeedEvent[]> {
    return events.readFeed(this.db, accountId, after, limit, settledBefore);
  }
  purgeRawHits(before: number): Promise<number> {
    return events.purgeRawHits(this.db, before);
  }

  insertSend(send: NewSend, now: number): Promise<SendJob> {
    return sends.insertSend(this.db, send, now);
  }
  findSend(accountId: number, messageId: string): Promise<SendJob | null> {
    return sends.findSend(this.db, accountId, messageId);
  }
  findSendContent(id: number): Promise<SendContent | null> {
    return sends.findSendContent(this.db, id);
  }
  updateScheduledSend(
    accountId: number,
    messageId: string,
    change: { sendAt?: number; cancel?: boolean },
  ): Promise<boolean> {
    return sends.updateScheduledSend(this.db, accountId, messageId, change);
  }
  claimDueSends(now: number, leaseMs: number, limit: number): Promise<SendJob[]> {
    return sends.claimDueSends(this.db, now, leaseMs, limit);
  }
  expireStaleSends(now: number): Promise<SendJob[]> {
    return sends.expireStaleSends(this.db, now);
  }
  finishSendAttempt(
    id: number,
    outcome: { status: SendStatus; to: string[]; sendAt: number; error: string | null },
  ): Promise<void> {
    return sends.finishSendAttempt(this.db, id, outcome);
  }

  async recordInboundReport(kind: string, messagePk: number | null, summary: string, now: number): Promise<void> {
    await this.db.run('INSERT INTO inbound_reports (received_at, kind, message_pk, summary) VALUES ($1, $2, $3, $4)', [
      now,
      kind,
      messagePk,
      summary,
    ]);
  }
}
