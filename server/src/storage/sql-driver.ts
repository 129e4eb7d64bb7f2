// The few operations the SQL stores need, so one set of queries serves SQLite and PostgreSQL.
// Queries are written with PostgreSQL's $1 placeholders; the SQLite driver rewrites them to ?1.

export type SqlValue = string | number | boolean | null | string[] | number[];
export type Row = Record<string, unknown>;

export interface SqlRunner {
  readonly dialect: 'sqlite' | 'postgres';
  all<T extends Row>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** Returns the number of changed rows. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
  /**
   * Inserts every parameter list with `INSERT … VALUES ($1, …)` and returns the new rows' ids, in
   * the order given. Drivers send many rows per statement (the hit writer's hot path).
   */
  insertMany(sql: string, rows: SqlValue[][]): Promise<number[]>;
}

export interface SqlDriver extends SqlRunner {
  transaction<R>(work: (tx: SqlRunner) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

export function strOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/**
 * `INSERT … VALUES ($1 … $k)` for `count` rows at once, with `RETURNING id` when asked. New ids
 * follow the order of the VALUES rows; PostgreSQL does not promise the order of RETURNING rows,
 * so its driver sorts them.
 */
export function multiRowInsert(sql: string, columns: number, count: number, returning: boolean): string {
  const key = `${count}|${columns}|${returning}|${sql}`;
  let text = multiRowCache.get(key);
  if (!text) {
    const head = sql.slice(0, sql.search(/\bVALUES\b/i));
    const rows = Array.from(
      { length: count },
      (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ')})`,
    );
    text = `${head}VALUES ${rows.join(', ')}${returning ? ' RETURNING id' : ''}`;
    multiRowCache.set(key, text);
  }
  return text;
}

// Built once per shape: the writer asks for the same few statements thousands of times a second.
const multiRowCache = new Map<string, string>();

/** Runs `insertMany` in chunks of `chunk` rows; `run` inserts one chunk and returns its ids in row order. */
export async function insertInChunks(
  rows: SqlValue[][],
  chunk: number,
  run: (rows: SqlValue[][]) => Promise<number[]>,
): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += chunk) ids.push(...(await run(rows.slice(start, start + chunk))));
  return ids;
}
