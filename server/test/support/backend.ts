import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { generateApiKey, hashApiKey } from '../../src/accounts/api-keys.ts';
import { type Config, defaultConfig } from '../../src/config.ts';
import { openStorage } from '../../src/storage/open-storage.ts';
import type { Repository } from '../../src/storage/repository.ts';
import type { SqlDriver } from '../../src/storage/sql-driver.ts';
import { createTokenCodec } from '../../src/tracking/tokens.ts';

/** Which backend this run of the suite exercises (set by test/run-all.ts). */
export const backend: 'sqlite' | 'postgres' = process.env.TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

let counter = 0;

/** A storage location of its own for one test: a temp dir, or a new Postgres database. */
export async function freshStorageConfig(): Promise<{
  storage: Pick<Config, 'databaseUrl' | 'dataDir'>;
  cleanup: () => Promise<void>;
}> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'icc-sqlite-'));
    return {
      storage: { databaseUrl: '', dataDir: dir },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    throw new Error('TEST_BACKEND=postgres needs TEST_DATABASE_URL (test/run-all.ts starts Postgres and sets it)');
  const name = `icc_${process.pid}_${++counter}_${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // DATA_DIR still holds the hit journal with PostgreSQL.
  const dir = mkdtempSync(join(tmpdir(), 'icc-pg-journal-'));
  return {
    storage: { databaseUrl: url.toString(), dataDir: dir },
    cleanup: async () => {
      rmSync(dir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...defaultConfig,
    publicBaseUrl: 'https://t.example.test',
    feedSettleSeconds: 0,
    rateLimitPerMinute: 0,
    bounceDomain: 'bounce.example.test',
    ...overrides,
  };
}

export async function createRep(
  repo: Repository,
  name = 'Rep',
): Promise<{ accountId: number; key: string; auth: { authorization: string } }> {
  const accountId = await repo.createAccount(name, Date.now());
  const key = generateApiKey();
  await repo.addApiKey(accountId, hashApiKey(key), 'test', Date.now());
  return { accountId, key, auth: { authorization: `Bearer ${key}` } };
}

/**
 * Undoes migration 4 on a database, for tests of what a start after an older version finds: a
 * send's html and text back in the sends table, send_contents gone.
 */
/** Takes a database back to before migration 5 (events name their recipient); undo newest first. */
export async function undoEventRecipients(db: SqlDriver): Promise<void> {
  await db.run('ALTER TABLE events DROP COLUMN recipient');
  await db.run('DELETE FROM schema_migrations WHERE version = 5');
}

export async function undoSendContents(db: SqlDriver): Promise<void> {
  await db.run('DROP TABLE send_contents');
  await db.run("ALTER TABLE sends ADD COLUMN html TEXT NOT NULL DEFAULT ''");
  await db.run('ALTER TABLE sends ADD COLUMN text_body TEXT');
  await db.run('DELETE FROM schema_migrations WHERE version = 4');
}

export async function openRepo(storage: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Repository> {
  return openStorage(storage);
}

/**
 * `count` tracked messages sent an hour ago (outside the scanner window), named `<prefix>-<n>`:
 * the load the kill -9, full-disk and lost-commit tests fire one pixel at each. Their tokens, in order.
 */
export async function insertTrackedMessages(
  repo: Repository,
  accountId: number,
  count: number,
  prefix: string,
): Promise<string[]> {
  const codec = createTokenCodec('');
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const m = await repo.insertMessage(
      {
        accountId,
        messageId: `${prefix}-${i}`,
        token: codec.mint(),
        sentAt: Date.now() - 3_600_000,
        tracking: true,
        recipients: [],
        links: [],
      },
      Date.now(),
    );
    tokens.push(m.token);
  }
  return tokens;
}
