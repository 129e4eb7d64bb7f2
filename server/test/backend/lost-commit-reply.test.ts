import assert from 'node:assert/strict';
import { connect, createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { after, describe, it } from 'node:test';
import { createServer } from '../../src/server.ts';
import { backend, createRep, freshStorageConfig, insertTrackedMessages, testConfig } from '../support/backend.ts';

// PostgreSQL commits a batch of hits, and the answer never reaches the hit writer: the connection
// drops between the two. The writer cannot tell this from a commit that failed, so it tries the
// batch again; the batch must then find itself already stored. A TCP proxy between the server and
// PostgreSQL forwards a COMMIT that follows an insert of events, and cuts the connection before
// PostgreSQL's answer comes back. Only PostgreSQL has a network between the writer and its commit.

/** Forwards to `target`; `armed` drops the answer of the next COMMIT of a transaction that inserted events. */
function commitReplyDropper(
  target: URL,
): Promise<{ url: string; arm: () => void; dropped: () => number; close: () => void }> {
  let armed = false;
  let dropped = 0;
  const sockets = new Set<Socket>();
  const server: NetServer = createNetServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let insertedEvents = false;
    let cut = false;
    client.on('data', (chunk: Buffer) => {
      if (cut) return;
      const text = chunk.toString('latin1');
      if (text.includes('INSERT INTO events')) insertedEvents = true;
      upstream.write(chunk);
      if (armed && insertedEvents && text.includes('COMMIT')) {
        armed = false;
        cut = true;
        dropped++;
        // PostgreSQL gets the COMMIT and does it; its answer is never passed on.
        setTimeout(() => {
          client.destroy();
          upstream.destroy();
        }, 300);
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!cut) client.write(chunk);
    });
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      a.on('error', () => b.destroy());
      a.on('close', () => {
        sockets.delete(a);
        b.destroy();
      });
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const url = new URL(target);
      url.hostname = '127.0.0.1';
      url.port = String(typeof address === 'object' && address ? address.port : 0);
      resolve({
        url: url.toString(),
        arm: () => {
          armed = true;
        },
        dropped: () => dropped,
        close: () => {
          for (const s of sockets) s.destroy();
          server.close();
        },
      });
    });
  });
}

if (backend === 'postgres') {
  describe('a PostgreSQL commit whose answer was lost (postgres)', () => {
    const cleanups: (() => Promise<void> | void)[] = [];
    after(async () => {
      for (const c of cleanups.reverse()) await c();
    });

    it('the writer tries the batch again and every hit is still recorded once', async () => {
      const { storage, cleanup } = await freshStorageConfig();
      cleanups.push(cleanup);
      const proxy = await commitReplyDropper(new URL(storage.databaseUrl));
      cleanups.push(proxy.close);
      const logs: string[] = [];
      const server = await createServer(testConfig({ ...storage, databaseUrl: proxy.url }), {
        timers: false,
        log: (m) => logs.push(m),
      });
      cleanups.push(() => server.close());
      const rep = await createRep(server.repo);
      const tokens = await insertTrackedMessages(server.repo, rep.accountId, 41, 'lost');
      const ua = { 'user-agent': 'Outlook-iOS/665.29827.prod.iphone (2.63.0)' };
      const hit = async (token: string) => {
        const res = await server.app.inject({ method: 'GET', url: `/o/${token}.gif`, headers: ua });
        assert.equal(res.statusCode, 200);
      };
      // A first batch stores the journal's position; the lost answer is a later batch's.
      await hit(tokens[0] ?? '');
      await server.hitJournal.drain();
      proxy.arm();
      // The next twenty are the batch whose answer is lost; the last twenty arrive before the
      // writer tries again, so the batch it reads then is longer than the one that was stored.
      for (const token of tokens.slice(1, 21)) await hit(token);
      const deadline = Date.now() + 10_000;
      while (proxy.dropped() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      for (const token of tokens.slice(21)) await hit(token);
      await server.hitJournal.drain();
      const res = await server.app.inject({ method: 'GET', url: '/v1/events?after=0&limit=500', headers: rep.auth });
      const events = (res.json() as { events: { messageId: string }[] }).events;
      const ids = events.map((e) => e.messageId);
      console.log(
        `lost commit answer (postgres): answers dropped ${proxy.dropped()}, hits ${tokens.length}, events ${ids.length}, distinct ${new Set(ids).size}`,
      );
      assert.equal(proxy.dropped(), 1, 'one commit answer was lost');
      assert.ok(
        logs.some((m) => /hit batch not stored/.test(m)),
        'the writer saw the commit as failed and tried again',
      );
      assert.equal(new Set(ids).size, tokens.length, 'every hit is recorded');
      assert.equal(ids.length, tokens.length, 'none twice');
    });
  });
}
