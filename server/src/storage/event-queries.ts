import type { EventReason } from '../reasons/event-reasons.ts';
import { findMessagesByTokens, inArray } from './message-queries.ts';
import { paramsFromColumn, paramsJson, reasonColumns } from './reason-columns.ts';
import type {
  Classification,
  EventType,
  FeedEvent,
  HistoryRead,
  HitHistory,
  JournalMove,
  JournalPosition,
  MessageRecord,
  NewEvent,
  Relabel,
  StoredHit,
} from './repository.ts';
import { num, numOrNull, type Row, type SqlDriver, type SqlRunner, strOrNull } from './sql-driver.ts';

export class InvalidCursorError extends Error {}

const insertSql = `INSERT INTO events (account_id, message_pk, message_id, type, at, recorded_at, classification, reason, reason_code, reason_params, link_index, url, detail, recipient, ip, ua)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`;

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
  e.recipient ?? null,
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
 * With `history`, `build` also gets the messages' stored hits since then (recentHits).
 *
 * Several servers on one PostgreSQL, two batches for one message at once: the lock on the messages
 * rows (FOR NO KEY UPDATE, taken in id order so two batches cannot deadlock) makes the second wait
 * until the first commits. In READ COMMITTED every statement reads a fresh snapshot, so the
 * history read once the lock is granted holds every hit the first batch stored: the later batch
 * always sees the earlier one, and the two cannot both miss each other. REPEATABLE READ would
 * break that (its snapshot dates from the first statement, before the wait, and a row only locked,
 * not updated, raises no serialisation error), hence the SET whatever the database's default is.
 * SQLite needs nothing: BEGIN IMMEDIATE lets one writer at a time into the file.
 */
export async function recordHits(
  db: SqlDriver,
  tokens: string[],
  build: (messages: Map<string, MessageRecord>, history: HitHistory) => NewEvent[],
  now: number,
  read?: JournalMove,
  history?: HistoryRead,
  relabel?: () => Relabel[],
): Promise<{ events: NewEvent[]; ids: number[]; stale: boolean }> {
  return db.transaction(async (tx) => {
    if (history && tx.dialect === 'postgres') {
      await tx.run('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
    }
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
    const wanted = history
      ? [...messages.entries()]
          .filter(([token]) => !history.tokens || history.tokens.includes(token))
          .map(([, m]) => m.pk)
      : [];
    const stored: HitHistory =
      history && wanted.length > 0 ? await recentHits(tx, wanted, history.since, history.types) : new Map();
    const events = build(messages, stored);
    const ids = events.length > 0 ? await insertEventRows(tx, events, now) : [];
    // Stored hits the batch re-judged (a burst they turn out to be part of) change with it, so a
    // writer that dies after the commit leaves no click half-judged.
    for (const change of relabel?.() ?? []) await relabelEvents(tx, change.ids, change.classification, change.reason);
    return { events, ids, stale: false };
  });
}

/**
 * The messages' views and clicks stored at or after `since`, by message and oldest first, for the
 * rules that judge a hit by the ones before it (bursts, sequences) whichever server took them.
 * Served by the index events_message_at (message_pk, at), there since migration 1 on both backends.
 * `db` may be a transaction (recordHits) or the driver.
 */
export async function recentHits(
  db: SqlRunner,
  messagePks: number[],
  since: number,
  types: readonly ('view' | 'click')[] = ['view', 'click'],
): Promise<HitHistory> {
  const history: HitHistory = new Map(messagePks.map((pk) => [pk, []]));
  if (messagePks.length === 0 || types.length === 0) return history;
  const rows = await db.all(
    `SELECT id, message_pk, type, at, link_index, classification, reason_code FROM events
     WHERE ${inArray(db, 'message_pk', 1)} AND at >= $2 AND ${inArray(db, 'type', 3)}
     ORDER BY message_pk, at, id`,
    [messagePks, since, [...types]],
  );
  for (const row of rows) {
    history.get(num(row.message_pk))?.push({
      id: num(row.id),
      type: String(row.type) as StoredHit['type'],
      at: num(row.at),
      linkIndex: numOrNull(row.link_index),
      classification: strOrNull(row.classification) as Classification | null,
      reasonCode: strOrNull(row.reason_code),
    });
  }
  return history;
}

export async function journalPosition(db: SqlDriver, journalId: string): Promise<JournalPosition | null> {
  const [row] = await db.all('SELECT segment, byte_offset FROM hit_journals WHERE journal_id = $1', [journalId]);
  return row ? { journalId, segment: num(row.segment), offset: num(row.byte_offset) } : null;
}

export async function relabelEvents(
  db: SqlRunner,
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
    recipient: strOrNull(row.recipient),
  };
}

const feedColumns =
  'id, message_id, type, at, recorded_at, classification, reason, reason_code, reason_params, link_index, url, detail, recipient';

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
