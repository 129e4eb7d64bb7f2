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
   * Runs one INSERT for each parameter list and returns each new row's id. SQLite does it in one
   * synchronous loop over a prepared statement (the pixel's hot path); others may leave it out.
   */
  insertMany?(sql: string, rows: SqlValue[][]): Promise<number[]>;
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
