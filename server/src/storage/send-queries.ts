import type { NewSend, SendContent, SendJob, SendStatus } from './repository.ts';
import { num, type Row, type SqlDriver, type SqlRunner, strOrNull } from './sql-driver.ts';

// A mail's html and text are in send_contents, read by findSendContent only, in the mail process.
const columns =
  'id, account_id, message_pk, message_id, token, from_addr, to_addrs, subject, send_at, status, attempts';

function toJob(row: Row): SendJob {
  return {
    id: num(row.id),
    accountId: num(row.account_id),
    messagePk: num(row.message_pk),
    messageId: String(row.message_id),
    token: String(row.token),
    from: String(row.from_addr),
    to: JSON.parse(String(row.to_addrs)) as string[],
    subject: String(row.subject),
    sendAt: num(row.send_at),
    status: String(row.status) as SendStatus,
    attempts: num(row.attempts),
  };
}

export async function findSend(db: SqlRunner, accountId: number, messageId: string): Promise<SendJob | null> {
  const [row] = await db.all(`SELECT ${columns} FROM sends WHERE account_id = $1 AND message_id = $2`, [
    accountId,
    messageId,
  ]);
  return row ? toJob(row) : null;
}

export async function findSendContent(db: SqlRunner, id: number): Promise<SendContent | null> {
  const [row] = await db.all('SELECT html, text_body FROM send_contents WHERE send_id = $1', [id]);
  return row ? { html: String(row.html), text: strOrNull(row.text_body) } : null;
}

/** Idempotent on messageId; a job that was cancelled may be submitted again. */
export function insertSend(db: SqlDriver, send: NewSend, now: number): Promise<SendJob> {
  return db.transaction(async (tx) => {
    const changed = await tx.run(
      `INSERT INTO sends (account_id, message_pk, message_id, token, from_addr, to_addrs, subject, send_at, status, created_at)
       SELECT $1, $2, $3, token, $4, $5, $6, $7, 'scheduled', $8 FROM messages WHERE id = $2
       ON CONFLICT (account_id, message_id) DO UPDATE SET from_addr = excluded.from_addr, to_addrs = excluded.to_addrs,
         subject = excluded.subject, send_at = excluded.send_at, status = 'scheduled', attempts = 0, last_error = NULL
       WHERE sends.status = 'cancelled'`,
      [
        send.accountId,
        send.messagePk,
        send.messageId,
        send.from,
        JSON.stringify(send.to),
        send.subject,
        send.sendAt,
        now,
      ],
    );
    const stored = await findSend(tx, send.accountId, send.messageId);
    if (!stored) throw new Error('send job vanished right after insert');
    // A send asked for again while it is not cancelled keeps the mail it was first given.
    if (changed > 0)
      await tx.run(
        `INSERT INTO send_contents (send_id, html, text_body) VALUES ($1, $2, $3)
         ON CONFLICT (send_id) DO UPDATE SET html = excluded.html, text_body = excluded.text_body`,
        [stored.id, send.html, send.text],
      );
    return stored;
  });
}

export async function updateScheduledSend(
  db: SqlDriver,
  accountId: number,
  messageId: string,
  change: { sendAt?: number; cancel?: boolean },
): Promise<boolean> {
  const changed = change.cancel
    ? await db.run(
        `UPDATE sends SET status = 'cancelled' WHERE account_id = $1 AND message_id = $2 AND status = 'scheduled'`,
        [accountId, messageId],
      )
    : await db.run(`UPDATE sends SET send_at = $3 WHERE account_id = $1 AND message_id = $2 AND status = 'scheduled'`, [
        accountId,
        messageId,
        change.sendAt ?? 0,
      ]);
  return changed > 0;
}

export async function claimDueSends(db: SqlDriver, now: number, leaseMs: number, limit: number): Promise<SendJob[]> {
  // SKIP LOCKED lets several instances claim from one table without waiting on each other.
  const lock = db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
  const rows = await db.all(
    `UPDATE sends SET status = 'sending', lease_until = $1, attempts = attempts + 1
     WHERE id IN (SELECT id FROM sends WHERE status = 'scheduled' AND send_at <= $2 ORDER BY send_at LIMIT $3 ${lock})
     RETURNING ${columns}`,
    [now + leaseMs, now, limit],
  );
  return rows.map(toJob);
}

export async function expireStaleSends(db: SqlDriver, now: number): Promise<SendJob[]> {
  const rows = await db.all(
    `UPDATE sends SET status = 'failed', last_error = 'interrupted while sending' WHERE status = 'sending' AND lease_until < $1 RETURNING ${columns}`,
    [now],
  );
  return rows.map(toJob);
}

export async function finishSendAttempt(
  db: SqlDriver,
  id: number,
  outcome: { status: SendStatus; to: string[]; sendAt: number; error: string | null },
): Promise<void> {
  await db.run(
    'UPDATE sends SET status = $2, to_addrs = $3, send_at = $4, last_error = $5, lease_until = NULL WHERE id = $1',
    [id, outcome.status, JSON.stringify(outcome.to), outcome.sendAt, outcome.error],
  );
}
