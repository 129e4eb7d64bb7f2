import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, describe, it } from 'node:test';
import { backend, createRep, freshStorageConfig, insertTrackedMessages, openRepo } from '../support/backend.ts';
import {
  freePort,
  pixelClient,
  readFeedPage,
  readWholeFeed,
  type ServerProcess,
  startServerProcess,
} from '../support/server-process.ts';

const MESSAGES = 3000;

describe(`kill -9 during a load of pixel hits (${backend})`, () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of cleanups) await c();
  });

  it('every hit answered with the GIF is in the feed after restart, and the cursor never skips', async () => {
    const { storage, cleanup } = await freshStorageConfig();
    cleanups.push(cleanup);
    const repo = await openRepo(storage);
    const rep = await createRep(repo);
    const tokens = await insertTrackedMessages(repo, rep.accountId, MESSAGES, 'load');
    await repo.close();

    const port = await freePort();
    const env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: storage.databaseUrl,
      DATA_DIR: storage.dataDir,
      FEED_SETTLE_SECONDS: '0',
      RATE_LIMIT_PER_MINUTE: '0',
      // The load comes from loopback but stands for many clients: no per-address cap.
      MAX_CONNECTIONS_PER_ADDRESS: '0',
      LOG_LEVEL: 'silent',
    };
    let server: ServerProcess = await startServerProcess(env);
    cleanups.push(async () => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    });

    const client = pixelClient(port);
    const answered = new Set<string>();
    let sent = 0;
    let killed = false;
    const hit = async (i: number) => {
      sent++;
      if (await client.hit(tokens[i] ?? '')) answered.add(`load-${i}`);
    };

    // Workers fire hits until the server is killed; the kill comes once a third of them are
    // answered and the reader below has its page (the feed waits for the writer to catch up).
    let next = 0;
    let earlyRead = false;
    const workers = Array.from({ length: 64 }, async () => {
      while (!killed && next < MESSAGES) {
        await hit(next++);
        if (answered.size >= MESSAGES / 3 && earlyRead && !killed) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      }
    });
    // A reader takes one page of the feed mid-load; its cursor must resume exactly after the restart.
    const reader = (async () => {
      while (answered.size < 200) await new Promise((r) => setTimeout(r, 5));
      const page = await readFeedPage(port, rep.key, '0');
      earlyRead = true;
      return page;
    })();
    await Promise.all(workers);
    const early = await reader;
    // Should every hit be answered before the reader had its page, the kill comes now, after the load.
    if (!killed) {
      killed = true;
      server.child.kill('SIGKILL');
    }
    client.close();
    if (server.child.exitCode === null && server.child.signalCode === null) await once(server.child, 'exit');

    server = await startServerProcess(env);
    const seen = await readWholeFeed(port, rep.key);
    server.child.kill('SIGTERM');

    const recorded = new Set(seen.map((e) => e.messageId));
    const lost = [...answered].filter((id) => !recorded.has(id));
    console.log(
      `kill -9 (${backend}): sent ${sent}, answered ${answered.size}, recorded ${recorded.size}, lost ${lost.length} (recorded but unanswered: ${recorded.size - (answered.size - lost.length)})`,
    );
    assert.ok(answered.size >= MESSAGES / 3, 'the load ran long enough to matter');
    assert.deepEqual(lost, [], 'no answered hit is lost');
    assert.equal(seen.length, recorded.size, 'no event appears twice');
    assert.ok(early.events.length > 0, 'the feed was read during the load');
    // The cursor handed out before the kill resumes exactly where it was, after the restart.
    const idx = seen.findIndex((e) => e.cursor === early.next);
    assert.deepEqual(
      seen.slice(0, idx + 1).map((e) => e.cursor),
      early.events.map((e) => e.cursor),
    );
  });
});
