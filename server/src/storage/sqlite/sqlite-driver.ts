import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import {
  insertInChunks,
  multiRowInsert,
  type Row,
  type SqlDriver,
  type SqlRunner,
  type SqlValue,
} from '../sql-driver.ts';
import { startCheckpointer } from './checkpointer.ts';
import { migrateSqlite } from './migrations.ts';

function toSqlite(value: SqlValue): SQLInputValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return JSON.stringify(value);
  return value;
}

/**
 * `$1 … $k` in order become plain `?`: node:sqlite looks up the name of every numbered parameter
 * on each bind (a 13-column INSERT ran at 5.2 µs a row with `?NNN`, 1.3 µs with `?`). Any
 * other use (a number twice, out of order) keeps SQLite's `?NNN`.
 */
function sqlitePlaceholders(sql: string): string {
  let expected = 1;
  let inOrder = true;
  const plain = sql.replace(/\$(\d+)/g, (_, n: string) => {
    if (Number(n) !== expected++) inOrder = false;
    return '?';
  });
  return inOrder ? plain : sql.replace(/\$(\d+)/g, '?$1');
}

/**
 * One connection, one writer. node:sqlite is synchronous, but callers use async transactions, so
 * every statement queues behind the running transaction: nothing can slip into someone else's BEGIN.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly direct: SqlRunner;
  private checkpointer: { stop(): Promise<void> } | null = null;

  readonly file: string;

  constructor(file: string, options: { checkpoints: boolean } = { checkpoints: true }) {
    this.file = file;
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new DatabaseSync(file);
    // NORMAL in WAL mode: a commit survives a crash of this process (kill -9); only an OS crash
    // can lose the last transactions, which is the trade the architecture accepts.
    this.db.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;',
    );
    migrateSqlite(this.db);
    if (file !== ':memory:') {
      this.db.exec('PRAGMA wal_autocheckpoint = 0');
      if (options.checkpoints) this.checkpointer = startCheckpointer(file);
    }
    this.direct = {
      dialect: 'sqlite',
      all: async <T extends Row>(sql: string, params: SqlValue[] = []) =>
        this.prepare(sql).all(...params.map(toSqlite)) as T[],
      run: async (sql: string, params: SqlValue[] = []) =>
        Number(this.prepare(sql).run(...params.map(toSqlite)).changes),
      // 20 rows a statement: 1.3 µs a row against 2.0 for one row a statement (BENCHMARKS.md). The
      // rows of one INSERT get consecutive ids (AUTOINCREMENT, and this transaction is the only
      // writer), so the last id gives them all without RETURNING, which costs 0.6 µs a row more.
      insertMany: (sql: string, rows: SqlValue[][]) =>
        insertInChunks(rows, 20, async (part) => {
          const statement = this.prepare(multiRowInsert(sql, part[0]?.length ?? 0, part.length, false));
          const last = Number(statement.run(...part.flat().map(toSqlite)).lastInsertRowid);
          return part.map((_, i) => last - part.length + 1 + i);
        }),
    };
  }

  private prepare(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sqlitePlaceholders(sql));
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private exclusive<R>(work: () => Promise<R>): Promise<R> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  all<T extends Row>(sql: string, params?: SqlValue[]): Promise<T[]> {
    return this.exclusive(() => this.direct.all<T>(sql, params));
  }

  run(sql: string, params?: SqlValue[]): Promise<number> {
    return this.exclusive(() => this.direct.run(sql, params));
  }

  insertMany(sql: string, rows: SqlValue[][]): Promise<number[]> {
    return this.exclusive(() => this.direct.insertMany(sql, rows));
  }

  transaction<R>(work: (tx: SqlRunner) => Promise<R>): Promise<R> {
    return this.exclusive(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        // SQLite rolls back by itself on some errors (a full disk, an I/O error): then there is
        // nothing to roll back, and the first error is the one worth reporting.
        if (this.db.isTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.checkpointer) {
      await this.checkpointer.stop();
      // One last checkpoint so the next start does not have to replay a long WAL.
      if (this.db.isOpen) this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    }
    if (this.db.isOpen) this.db.close();
  }
}
