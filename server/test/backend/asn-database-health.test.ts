import assert from 'node:assert/strict';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { backend, freshStorageConfig } from '../support/backend.ts';
import { fakeAsnDatabase } from '../support/fake-asn-database.ts';
import { freePort, type ServerProcess, startServerProcess } from '../support/server-process.ts';

// What an operator sees of the ASN database: a line in the start log and a key in /healthz. The
// server runs as its own process, as in production, with ASN_DATABASE_DIR pointed elsewhere.

interface Health {
  status: string;
  classification: {
    asnDatabase: {
      loaded: boolean;
      version: string | null;
      stale: boolean;
      ranges: number;
      problem: string | null;
    } | null;
  };
}

describe(`the ASN database in the start log and /healthz (${backend})`, () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  async function start(env: Record<string, string>): Promise<{ server: ServerProcess; health: () => Promise<Health> }> {
    const { storage, cleanup } = await freshStorageConfig();
    cleanups.push(cleanup);
    const port = await freePort();
    const server = await startServerProcess({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: storage.databaseUrl,
      DATA_DIR: storage.dataDir,
      ...env,
    });
    cleanups.push(async () => {
      if (server.child.exitCode !== null) return;
      server.child.kill('SIGTERM');
      await once(server.child, 'exit');
    });
    const health = async () => (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as Health;
    return { server, health };
  }

  it('a missing database is said at start and makes the health degraded; the server still runs', async () => {
    const fake = fakeAsnDatabase();
    cleanups.push(fake.remove);
    const missing = join(fake.dir, 'not-here');
    const { server, health } = await start({ ASN_DATABASE_DIR: missing, ASN_CACHE_DIR: fake.cacheDir });
    assert.match(
      server.output(),
      new RegExp(`networks: +ASN database not loaded: The ASN database in ${missing} could not be read \\(ENOENT\\)`),
    );
    const body = await health();
    assert.equal(body.status, 'degraded');
    assert.equal(body.classification.asnDatabase?.loaded, false);
    assert.match(
      body.classification.asnDatabase?.problem ?? '',
      /could not be read \(ENOENT\), so networks are judged without their owners/,
    );
  });

  it('a stale database is used, said at start, and leaves the health ok with stale: true', async () => {
    const fake = fakeAsnDatabase({ version: '2.3.2024010100' });
    cleanups.push(fake.remove);
    const { server, health } = await start({
      ASN_DATABASE_DIR: fake.dir,
      ASN_CACHE_DIR: fake.cacheDir,
      ASN_DATABASE_MAX_AGE_DAYS: '30',
    });
    assert.match(
      server.output(),
      /networks: +ASN database @ip-location-db\/asn 2\.3\.2024010100 \(built 2024-01-01, \d+ days old\), 4 ranges, loaded in \d+ ms from the CSVs; STALE: .*ASN_DATABASE_MAX_AGE_DAYS \(30\)/,
    );
    const body = await health();
    assert.equal(body.status, 'ok');
    assert.equal(body.classification.asnDatabase?.stale, true);
    assert.equal(body.classification.asnDatabase?.ranges, 4);
  });
});
