import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync, type SQLInputValue } from 'node:sqlite';
import type { Row, SqlDriver, SqlRunner, SqlValue } from '../sql-driver.ts';
import { migrateSqlite } from './migrations.ts';
import { startCheckpointer } from './checkpointer.ts';

function toSqlite(value: SqlValue): SQLInputValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return JSON.stringify(value);
  return value;
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
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;');
    migrateSqlite(this.db);
    if (file !== ':memory:') {
      this.db.exec('PRAGMA wal_autocheckpoint = 0');
      if (options.checkpoints) this.checkpointer = startCheckpointer(file);
    }
    this.direct = {
      dialect: 'sqlite',
      all: async <T extends Row>(sql: string, params: SqlValue[] = []) => this.prepare(sql).all(...params.map(toSqlite)) as T[],
      run: async (sql: string, params: SqlValue[] = []) => Number(this.prepare(sql).run(...params.map(toSqlite)).changes),
      insertMany: async (sql: string, rows: SqlValue[][]) => {
        const statement = this.prepare(sql);
        return rows.map((params) => Number(statement.run(...params.map(toSqlite)).lastInsertRowid));
      },
    };
  }

  private prepare(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
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

  transaction<R>(work: (tx: SqlRunner) => Promise<R>): Promise<R> {
    return this.exclusive(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        this.db.exec('ROLLBACK');
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
