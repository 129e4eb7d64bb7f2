import type { EventReason } from '../reasons/event-reasons.ts';
import { findMessagesByTokens, inArray } from './message-queries.ts';
import { paramsFromColumn, paramsJson, reasonColumns } from './reason-columns.ts';
import type {
  Classification,
  EventType,
  FeedEvent,
  JournalMove,
  JournalPosition,
  MessageRecord,
  NewEvent,
} from './repository.ts';
import { num, numOrNull, type Row, type SqlDriver, type SqlRunner, strOrNull } from './sql-driver.ts';

export class InvalidCursorError extends Error {}

const insertSql = `INSERT INTO events (account_id, message_pk, message_id, type, at, recorded_at, classification, reason, reason_code, reason_params, link_index, url, detail, ip, ua)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`;

const rowOf = (e: NewEvent, now: number) => [
  e.accountId,
  e.messagePk,
  e.messageId,
  e.type,
  e.at,
  now,
  e.classification,
  e.reason,
  e.reasonCode ?? null,
  paramsJson(e.reasonParams),
  e.linkIndex ?? null,
  e.url ?? null,
  e.detail ?? null,
  e.ip ?? null,
  e.ua ?? null,
];

export async function insertEventRows(tx: SqlRunner, events: NewEvent[], now: number): Promise<number[]> {
  return tx.insertMany(
    insertSql,
    events.map((e) => rowOf(e, now)),
  );
}

export async function insertEvents(db: SqlDriver, events: NewEvent[], now: number): Promise<number[]> {
  if (events.length === 0) return [];
  return db.transaction((tx) => insertEventRows(tx, events, now));
}

/**
 * Token lookup and insert in one transaction (see findMessagesByTokens on why it locks), with the
 * journal position the hits were read up to: after a crash the writer resumes exactly there.
 */
export async function recordHits(
  db: SqlDriver,
  tokens: string[],
  build: (messages: Map<string, MessageRecord>) => NewEvent[],
  now: number,
  read?: JournalMove,
): Promise<{ events: NewEvent[]; ids: number[]; stale: boolean }> {
  return db.transaction(async (tx) => {
    // The position first, and only from where the writer believes it stands: a batch whose commit
    // went through but whose answer was lost (a dropped connection) is read again, maybe longer,
    // and must find the position moved and write nothing. In PostgreSQL, a commit still under way
    // holds the row (or the key) until it is done, so this waits for it and then sees it.
    if (read) {
      const { from, to } = read;
      const moved = from
        ? await tx.run(
            `UPDATE hit_journals SET segment = $2, byte_offset = $3
             WHERE journal_id = $1 AND segment = $4 AND byte_offset = $5`,
            [to.journalId, to.segment, to.offset, from.segment, from.offset],
          )
        : await tx.run(
            `INSERT INTO hit_journals (journal_id, segment, byte_offset) VALUES ($1, $2, $3)
             ON CONFLICT (journal_id) DO NOTHING`,
            [to.journalId, to.segment, to.offset],
          );
      if (moved === 0) return { events: [], ids: [], stale: true };
    }
    const messages =
      tokens.length > 0
        ? await findMessagesByTokens(tx, tokens, { withLinks: false, lock: true })
        : new Map<string, MessageRecord>();
    const events = build(messages);
    const ids = events.length > 0 ? await insertEventRows(tx, events, now) : [];
    return { events, ids, stale: false };
  });
}

export async function journalPosition(db: SqlDriver, journalId: string): Promise<JournalPosition | null> {
  const [row] = await db.all('SELECT segment, byte_offset FROM hit_journals WHERE journal_id = $1', [journalId]);
  return row ? { journalId, segment: num(row.segment), offset: num(row.byte_offset) } : null;
}

export async function relabelEvents(
  db: SqlDriver,
  ids: number[],
  classification: Classification,
  reason: EventReason,
): Promise<void> {
  if (ids.length === 0) return;
  await db.run(
    `UPDATE events SET classification = $1, reason = $2, reason_code = $3, reason_params = $4 WHERE ${inArray(db, 'id', 5)}`,
    [classification, ...reasonColumns(reason), ids],
  );
}

function toFeedEvent(row: Row, cursor: string): FeedEvent {
  return {
    cursor,
    messageId: String(row.message_id),
    type: String(row.type) as EventType,
    at: num(row.at),
    classification: strOrNull(row.classification) as Classification | null,
    reason: String(row.reason),
    reasonCode: strOrNull(row.reason_code),
    reasonParams: paramsFromColumn(row.reason_params),
    linkIndex: numOrNull(row.link_index),
    url: strOrNull(row.url),
    detail: strOrNull(row.detail),
  };
}

const feedColumns =
  'id, message_id, type, at, recorded_at, classification, reason, reason_code, reason_params, link_index, url, detail';

/**
 * SQLite has one writer, so ids become visible in order and the id is the cursor.
 * PostgreSQL sequence values can commit out of order: a reader at `id > 10` could pass over id 9
 * that commits a moment later. There the cursor is (writing transaction id, id), and only rows of
 * transactions older than the snapshot's xmin are read: every transaction that could still add a
 * row sorting before them has finished, so the cursor never skips a row.
 */
export async function readFeed(
  db: SqlDriver,
  accountId: number,
  after: string,
  limit: number,
  settledBefore: number,
): Promise<FeedEvent[]> {
  let rows: Row[];
  let cursorOf: (row: Row) => string;
  if (db.dialect === 'sqlite') {
    if (!/^\d{1,15}$/.test(after)) throw new InvalidCursorError(`cursor "${after}" is not one this server issued`);
    rows = await db.all(`SELECT ${feedColumns} FROM events WHERE account_id = $1 AND id > $2 ORDER BY id LIMIT $3`, [
      accountId,
      Number(after),
      limit,
    ]);
    cursorOf = (row) => String(row.id);
  } else {
    const match = after === '0' ? ['', '0', '0'] : /^(\d{1,15})-(\d{1,15})$/.exec(after);
    if (!match) throw new InvalidCursorError(`cursor "${after}" is not one this server issued`);
    rows = await db.all(
      `SELECT tx, ${feedColumns} FROM events
       WHERE account_id = $1 AND (tx, id) > ($2, $3) AND tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
       ORDER BY tx, id LIMIT $4`,
      [accountId, Number(match[1]), Number(match[2]), limit],
    );
    cursorOf = (row) => `${num(row.tx)}-${num(row.id)}`;
  }
  const events: FeedEvent[] = [];
  for (const row of rows) {
    // Stop at the first unsettled row rather than skipping it, or its cursor would be passed.
    if (num(row.recorded_at) > settledBefore) break;
    events.push(toFeedEvent(row, cursorOf(row)));
  }
  return events;
}

export async function purgeRawHits(db: SqlDriver, before: number): Promise<number> {
  return db.run('UPDATE events SET ip = NULL, ua = NULL WHERE at < $1 AND (ip IS NOT NULL OR ua IS NOT NULL)', [
    before,
  ]);
}
