import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { migratePostgres } from './postgres/migrations.ts';
import { PostgresDriver } from './postgres/pg-driver.ts';
import type { Repository } from './repository.ts';
import { SqlRepository } from './sql-repository.ts';
import { SqliteDriver } from './sqlite/sqlite-driver.ts';

/**
 * Opens the configured backend and brings its schema up to date. A second connection to the same
 * SQLite file (the hit writer's) leaves WAL checkpoints to the first one's checkpointer.
 */
export async function openStorage(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  options: { checkpoints?: boolean } = {},
): Promise<Repository> {
  if (/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    const driver = new PostgresDriver(config.databaseUrl);
    await migratePostgres(driver.pool);
    const where = new URL(config.databaseUrl);
    return new SqlRepository(driver, `PostgreSQL ${where.hostname}:${where.port || 5432}${where.pathname}`);
  }
  if (config.databaseUrl)
    throw new Error(`DATABASE_URL must start with postgres:// (got "${config.databaseUrl.split(':')[0]}:…")`);
  const file = config.dataDir === ':memory:' ? ':memory:' : resolve(config.dataDir, 'icc.sqlite');
  return new SqlRepository(
    new SqliteDriver(file, { checkpoints: options.checkpoints ?? true }),
    `SQLite ${file} (WAL, one writer)`,
  );
}
