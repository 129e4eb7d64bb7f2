import type pg from 'pg';

// Append only, like the SQLite list. Same tables; events also carry the writing transaction's id,
// which the feed needs because sequence values can commit out of order.
export const postgresMigrations: string[] = [
  `CREATE TABLE accounts (
     id BIGSERIAL PRIMARY KEY,
     name TEXT NOT NULL,
     created_at BIGINT NOT NULL);
   CREATE TABLE api_keys (
     id BIGSERIAL PRIMARY KEY,
     account_id BIGINT NOT NULL REFERENCES accounts(id),
     key_hash TEXT NOT NULL UNIQUE,
     label TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     revoked_at BIGINT);
   CREATE TABLE messages (
     id BIGSERIAL PRIMARY KEY,
     account_id BIGINT NOT NULL REFERENCES accounts(id),
     message_id TEXT NOT NULL,
     token TEXT NOT NULL UNIQUE,
     sent_at BIGINT NOT NULL,
     tracking INTEGER NOT NULL,
     recipients TEXT NOT NULL,
     last_self_view_at BIGINT,
     created_at BIGINT NOT NULL,
     UNIQUE (account_id, message_id));
   CREATE TABLE links (
     message_pk BIGINT NOT NULL REFERENCES messages(id),
     idx INTEGER NOT NULL,
     url TEXT,
     PRIMARY KEY (message_pk, idx));
   CREATE TABLE events (
     id BIGSERIAL PRIMARY KEY,
     tx BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
     account_id BIGINT NOT NULL,
     message_pk BIGINT NOT NULL,
     message_id TEXT NOT NULL,
     type TEXT NOT NULL,
     at BIGINT NOT NULL,
     recorded_at BIGINT NOT NULL,
     classification TEXT,
     reason TEXT NOT NULL,
     link_index INTEGER,
     url TEXT,
     detail TEXT,
     ip TEXT,
     ua TEXT);
   CREATE INDEX events_feed ON events (account_id, tx, id);
   CREATE INDEX events_message_at ON events (message_pk, at);
   CREATE TABLE sends (
     id BIGSERIAL PRIMARY KEY,
     account_id BIGINT NOT NULL,
     message_pk BIGINT NOT NULL,
     message_id TEXT NOT NULL,
     token TEXT NOT NULL,
     from_addr TEXT NOT NULL,
     to_addrs TEXT NOT NULL,
     subject TEXT NOT NULL,
     html TEXT NOT NULL,
     text_body TEXT,
     send_at BIGINT NOT NULL,
     status TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     lease_until BIGINT,
     last_error TEXT,
     created_at BIGINT NOT NULL,
     UNIQUE (account_id, message_id));
   CREATE INDEX sends_due ON sends (status, send_at);
   CREATE TABLE inbound_reports (
     id BIGSERIAL PRIMARY KEY,
     received_at BIGINT NOT NULL,
     kind TEXT NOT NULL,
     message_pk BIGINT,
     summary TEXT NOT NULL);`,
  // How far the hit writer has read each hit journal, kept in the transaction of the events it wrote.
  `CREATE TABLE hit_journals (
     journal_id TEXT PRIMARY KEY,
     segment BIGINT NOT NULL,
     byte_offset BIGINT NOT NULL);`,
  // Reasons as a stable code with parameters beside the English text, so the extension can show
  // them in the rep's language. Older rows keep their text and a NULL code.
  `ALTER TABLE events ADD COLUMN reason_code TEXT;
   ALTER TABLE events ADD COLUMN reason_params TEXT;`,
  // A mail's html and text in a table of their own, as on SQLite (which rewrites a whole row on
  // every UPDATE): a send's status changes without its body.
  `CREATE TABLE send_contents (
     send_id BIGINT PRIMARY KEY REFERENCES sends(id),
     html TEXT NOT NULL,
     text_body TEXT);
   INSERT INTO send_contents (send_id, html, text_body) SELECT id, html, text_body FROM sends;
   ALTER TABLE sends DROP COLUMN html;
   ALTER TABLE sends DROP COLUMN text_body;`,
  // The address a delivery report or a send attempt is about (issue #14): the extension marks that
  // person undeliverable on a hard bounce and clears it on a later delivery. NULL for hits.
  `ALTER TABLE events ADD COLUMN recipient TEXT;`,
];

export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    // Several instances may start at once against one database: one migrates, the others wait.
    await client.query('SELECT pg_advisory_lock(7263001)');
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
    );
    const { rows } = await client.query<{ v: number }>(
      'SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_migrations',
    );
    const current = rows[0]?.v ?? 0;
    for (const [i, sql] of postgresMigrations.entries()) {
      const version = i + 1;
      if (version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
          version,
          Date.now(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(7263001)').catch(() => undefined);
    client.release();
  }
}
