import { eventReason, secondsOf } from '../reasons/event-reasons.ts';
import { reasonColumns } from './reason-columns.ts';
import type { LinkRecord, MessageRecord, NewMessage } from './repository.ts';
import { num, numOrNull, type Row, type SqlDriver, type SqlRunner, strOrNull } from './sql-driver.ts';

/** `column IN list` for an array parameter: ANY on PostgreSQL, json_each on SQLite. */
export function inArray(db: SqlRunner, column: string, param: number): string {
  return db.dialect === 'postgres'
    ? `${column} = ANY($${param})`
    : `${column} IN (SELECT value FROM json_each($${param}))`;
}

const messageColumns = 'id, account_id, message_id, token, sent_at, tracking, recipients, last_self_view_at';

function toMessage(row: Row, links: LinkRecord[]): MessageRecord {
  return {
    pk: num(row.id),
    accountId: num(row.account_id),
    messageId: String(row.message_id),
    token: String(row.token),
    sentAt: num(row.sent_at),
    tracking: Boolean(num(row.tracking)),
    recipients: JSON.parse(String(row.recipients)) as string[],
    lastSelfViewAt: numOrNull(row.last_self_view_at),
    links,
  };
}

async function linksOf(db: SqlRunner, pks: number[]): Promise<Map<number, LinkRecord[]>> {
  const byMessage = new Map<number, LinkRecord[]>();
  if (pks.length === 0) return byMessage;
  const rows = await db.all(
    `SELECT message_pk, idx, url FROM links WHERE ${inArray(db, 'message_pk', 1)} ORDER BY message_pk, idx`,
    [pks],
  );
  for (const row of rows) {
    const pk = num(row.message_pk);
    const list = byMessage.get(pk) ?? [];
    list.push({ index: num(row.idx), url: strOrNull(row.url) });
    byMessage.set(pk, list);
  }
  return byMessage;
}

export async function findMessage(db: SqlDriver, accountId: number, messageId: string): Promise<MessageRecord | null> {
  const [row] = await db.all(`SELECT ${messageColumns} FROM messages WHERE account_id = $1 AND message_id = $2`, [
    accountId,
    messageId,
  ]);
  if (!row) return null;
  const links = await linksOf(db, [num(row.id)]);
  return toMessage(row, links.get(num(row.id)) ?? []);
}

/**
 * `lock` (inside a transaction) locks the rows on PostgreSQL, so that a self-view or a tracking
 * switch committing at the same moment is ordered before or after the hits being written, not
 * between, and so that two servers' batches for one message take turns (recordHits says why).
 * FOR NO KEY UPDATE is the weakest lock two batches cannot hold at once (FOR SHARE they can);
 * FOR UPDATE would also conflict with the KEY SHARE of foreign-key checks, for nothing.
 * In id order, so that two batches locking the same messages cannot deadlock.
 */
export async function findMessagesByTokens(
  db: SqlRunner,
  tokens: string[],
  options: { withLinks: boolean; lock?: boolean },
): Promise<Map<string, MessageRecord>> {
  const found = new Map<string, MessageRecord>();
  if (tokens.length === 0) return found;
  const lock = options.lock && db.dialect === 'postgres' ? ' ORDER BY id FOR NO KEY UPDATE' : '';
  const rows = await db.all(`SELECT ${messageColumns} FROM messages WHERE ${inArray(db, 'token', 1)}${lock}`, [tokens]);
  const links = options.withLinks
    ? await linksOf(
        db,
        rows.map((r) => num(r.id)),
      )
    : new Map<number, LinkRecord[]>();
  for (const row of rows) found.set(String(row.token), toMessage(row, links.get(num(row.id)) ?? []));
  return found;
}

/** Idempotent on (account, messageId): a retry gets the message that is already stored. */
export async function insertMessage(db: SqlDriver, message: NewMessage, now: number): Promise<MessageRecord> {
  await db.transaction(async (tx) => {
    const [row] = await tx.all(
      `INSERT INTO messages (account_id, message_id, token, sent_at, tracking, recipients, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (account_id, message_id) DO NOTHING RETURNING id`,
      [
        message.accountId,
        message.messageId,
        message.token,
        message.sentAt,
        message.tracking ? 1 : 0,
        JSON.stringify(message.recipients),
        now,
      ],
    );
    if (!row) return;
    for (const link of message.links) {
      await tx.run('INSERT INTO links (message_pk, idx, url) VALUES ($1, $2, $3)', [num(row.id), link.index, link.url]);
    }
  });
  const stored = await findMessage(db, message.accountId, message.messageId);
  if (!stored) throw new Error('message vanished right after insert');
  return stored;
}

export async function setTracking(
  db: SqlDriver,
  accountId: number,
  messageId: string,
  enabled: boolean,
): Promise<boolean> {
  const changed = await db.run('UPDATE messages SET tracking = $1 WHERE account_id = $2 AND message_id = $3', [
    enabled ? 1 : 0,
    accountId,
    messageId,
  ]);
  return changed > 0;
}

export async function markSelfView(
  db: SqlDriver,
  accountId: number,
  messageId: string,
  at: number,
  windowMs: number,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.all(
      'UPDATE messages SET last_self_view_at = $1 WHERE account_id = $2 AND message_id = $3 RETURNING id',
      [at, accountId, messageId],
    );
    if (!row) return false;
    // The same reason the classifier gives a hit that arrives after the self-view.
    const reason = eventReason('self.repView', { windowSeconds: secondsOf(windowMs) });
    await tx.run(
      `UPDATE events SET classification = 'self', reason = $1, reason_code = $2, reason_params = $3
       WHERE message_pk = $4 AND type IN ('view', 'click') AND at >= $5 AND at <= $6`,
      [...reasonColumns(reason), num(row.id), at - windowMs, at],
    );
    return true;
  });
}
