import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { after, describe, it } from 'node:test';
import { createTokenCodec } from '../../src/tracking/tokens.ts';
import { backend, createRep, freshStorageConfig, openRepo } from '../support/backend.ts';

const MESSAGES = 3000;
const serverEntry = new URL('../../src/main.ts', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [serverEntry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const deadline = Date.now() + 20_000;
  while (!out.includes('listening on')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

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
    const codec = createTokenCodec('');
    const tokens: string[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const m = await repo.insertMessage(
        {
          accountId: rep.accountId,
          messageId: `load-${i}`,
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
    let child = await startServer(env);
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });

    const agent = new Agent({ keepAlive: true, maxSockets: 64 });
    const answered = new Set<string>();
    let sent = 0;
    let killed = false;
    const hit = (i: number) =>
      new Promise<void>((resolve) => {
        sent++;
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: `/o/${tokens[i]}.gif`,
            agent,
            headers: { 'user-agent': 'Outlook-iOS/665.29827.prod.iphone (2.63.0)' },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              if (res.statusCode === 200 && Buffer.concat(chunks).length === 42) answered.add(`load-${i}`);
              resolve();
            });
            res.on('error', () => resolve());
          },
        );
        req.on('error', () => resolve());
        req.end();
      });
    const feed = async (after: string, key: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/v1/events?after=${after}&limit=500`, {
        headers: { authorization: `Bearer ${key}` },
      });
      return (await res.json()) as { events: { cursor: string; messageId: string }[]; next: string; more: boolean };
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
          child.kill('SIGKILL');
        }
      }
    });
    // A reader takes one page of the feed mid-load; its cursor must resume exactly after the restart.
    const reader = (async () => {
      while (answered.size < 200) await new Promise((r) => setTimeout(r, 5));
      const page = await feed('0', rep.key);
      earlyRead = true;
      return page;
    })();
    await Promise.all(workers);
    const early = await reader;
    // Should every hit be answered before the reader had its page, the kill comes now, after the load.
    if (!killed) {
      killed = true;
      child.kill('SIGKILL');
    }
    agent.destroy();
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');

    child = await startServer(env);
    const seen: { cursor: string; messageId: string }[] = [];
    let cursor = '0';
    for (;;) {
      const page = await feed(cursor, rep.key);
      seen.push(...page.events);
      cursor = page.next;
      if (!page.more) break;
    }
    child.kill('SIGTERM');

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
