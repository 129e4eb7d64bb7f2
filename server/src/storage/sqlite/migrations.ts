import type { DatabaseSync } from 'node:sqlite';

// Append only: a shipped migration is never edited, a change is a new entry.
export const sqliteMigrations: string[] = [
  `CREATE TABLE accounts (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     name TEXT NOT NULL,
     created_at INTEGER NOT NULL);
   CREATE TABLE api_keys (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     account_id INTEGER NOT NULL REFERENCES accounts(id),
     key_hash TEXT NOT NULL UNIQUE,
     label TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     revoked_at INTEGER);
   CREATE TABLE messages (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     account_id INTEGER NOT NULL REFERENCES accounts(id),
     message_id TEXT NOT NULL,
     token TEXT NOT NULL UNIQUE,
     sent_at INTEGER NOT NULL,
     tracking INTEGER NOT NULL,
     recipients TEXT NOT NULL,
     last_self_view_at INTEGER,
     created_at INTEGER NOT NULL,
     UNIQUE (account_id, message_id));
   CREATE TABLE links (
     message_pk INTEGER NOT NULL REFERENCES messages(id),
     idx INTEGER NOT NULL,
     url TEXT,
     PRIMARY KEY (message_pk, idx));
   -- AUTOINCREMENT: the id is the feed cursor, so it must never be reused.
   CREATE TABLE events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     account_id INTEGER NOT NULL,
     message_pk INTEGER NOT NULL,
     message_id TEXT NOT NULL,
     type TEXT NOT NULL,
     at INTEGER NOT NULL,
     recorded_at INTEGER NOT NULL,
     classification TEXT,
     reason TEXT NOT NULL,
     link_index INTEGER,
     url TEXT,
     detail TEXT,
     ip TEXT,
     ua TEXT);
   CREATE INDEX events_feed ON events (account_id, id);
   CREATE INDEX events_message_at ON events (message_pk, at);
   CREATE TABLE sends (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     account_id INTEGER NOT NULL,
     message_pk INTEGER NOT NULL,
     message_id TEXT NOT NULL,
     token TEXT NOT NULL,
     from_addr TEXT NOT NULL,
     to_addrs TEXT NOT NULL,
     subject TEXT NOT NULL,
     html TEXT NOT NULL,
     text_body TEXT,
     send_at INTEGER NOT NULL,
     status TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     lease_until INTEGER,
     last_error TEXT,
     created_at INTEGER NOT NULL,
     UNIQUE (account_id, message_id));
   CREATE INDEX sends_due ON sends (status, send_at);
   CREATE TABLE inbound_reports (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     received_at INTEGER NOT NULL,
     kind TEXT NOT NULL,
     message_pk INTEGER,
     summary TEXT NOT NULL);`,
  // How far the hit writer has read each hit journal, kept in the transaction of the events it wrote.
  `CREATE TABLE hit_journals (
     journal_id TEXT PRIMARY KEY,
     segment INTEGER NOT NULL,
     byte_offset INTEGER NOT NULL);`,
  // Reasons as a stable code with parameters beside the English text, so the extension can show
  // them in the rep's language. Older rows keep their text and a NULL code.
  `ALTER TABLE events ADD COLUMN reason_code TEXT;
   ALTER TABLE events ADD COLUMN reason_params TEXT;`,
  // A mail's html and text in a table of their own: SQLite rewrites a whole row on every UPDATE, so
  // each change of a send's status copied its body, 25–170 ms for a 10 MB mail (BENCHMARKS.md).
  `CREATE TABLE send_contents (
     send_id INTEGER PRIMARY KEY REFERENCES sends(id),
     html TEXT NOT NULL,
     text_body TEXT);
   INSERT INTO send_contents (send_id, html, text_body) SELECT id, html, text_body FROM sends;
   ALTER TABLE sends DROP COLUMN html;
   ALTER TABLE sends DROP COLUMN text_body;`,
  // The address a delivery report or a send attempt is about (issue #14): the extension marks that
  // person undeliverable on a hard bounce and clears it on a later delivery. NULL for hits.
  `ALTER TABLE events ADD COLUMN recipient TEXT;`,
];

export function migrateSqlite(db: DatabaseSync): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const row = db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number };
  sqliteMigrations.forEach((sql, i) => {
    const version = i + 1;
    if (version <= row.v) return;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, Date.now());
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  });
}
