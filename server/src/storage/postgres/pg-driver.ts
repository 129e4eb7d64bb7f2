import pg from 'pg';
import {
  insertInChunks,
  multiRowInsert,
  type Row,
  type SqlDriver,
  type SqlRunner,
  type SqlValue,
} from '../sql-driver.ts';

// BIGINT columns hold epoch milliseconds and ids, all far below 2^53, so plain numbers are safe.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

function runnerFor(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    dialect: 'postgres',
    all: async <T extends Row>(sql: string, params: SqlValue[] = []) => (await client.query<T>(sql, params)).rows,
    run: async (sql: string, params: SqlValue[] = []) => (await client.query(sql, params)).rowCount ?? 0,
    // One round trip per 500 rows instead of one per row.
    insertMany: (sql: string, rows: SqlValue[][]) =>
      insertInChunks(rows, 500, async (part) => {
        const result = await client.query<{ id: number }>(
          multiRowInsert(sql, part[0]?.length ?? 0, part.length, true),
          part.flat(),
        );
        return result.rows.map((row) => Number(row.id)).sort((a, b) => a - b);
      }),
  };
}

export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  readonly pool: pg.Pool;
  private readonly direct: SqlRunner;

  constructor(connectionString: string) {
    this.pool = new pg.Pool({ connectionString, max: 10, types });
    // An idle client losing its connection must not crash the server; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.direct = runnerFor(this.pool);
  }

  all<T extends Row>(sql: string, params?: SqlValue[]): Promise<T[]> {
    return this.direct.all<T>(sql, params);
  }

  run(sql: string, params?: SqlValue[]): Promise<number> {
    return this.direct.run(sql, params);
  }

  insertMany(sql: string, rows: SqlValue[][]): Promise<number[]> {
    return this.direct.insertMany(sql, rows);
  }

  async transaction<R>(work: (tx: SqlRunner) => Promise<R>): Promise<R> {
    const client = await this.pool.connect();
    // A connection lost mid-transaction fails the running query; pg also emits it as an 'error'
    // event, which, unheard on a checked-out client, would end the thread.
    let lost: Error | undefined;
    const onError = (error: Error) => {
      lost = error;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(runnerFor(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: Error) => {
        lost ??= rollback;
      });
      throw error;
    } finally {
      client.off('error', onError);
      // A broken connection is closed, not handed to the next caller.
      client.release(lost);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
