import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Worker } from 'node:worker_threads';
import { journalDir } from '../../src/hits/hit-journal.ts';
import { encodeHit, listSegments, openJournalDir, segmentPath } from '../../src/hits/journal-files.ts';
import { createServer, type Server } from '../../src/server.ts';
import { createTokenCodec } from '../../src/tracking/tokens.ts';
import { backend, createRep, freshStorageConfig, testConfig } from '../support/backend.ts';

const GMAIL = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
const HOUR_AGO = Date.now() - 3_600_000;

async function feed(server: Server, auth: { authorization: string }) {
  await server.hitJournal.drain();
  const res = await server.app.inject({ method: 'GET', url: '/v1/events?after=0&limit=500', headers: auth });
  return (res.json() as { events: { messageId: string; classification: string }[] }).events;
}

describe(`the hit journal (${backend})`, () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('a journal left by a run that died is written at the next start, each hit once, a torn last line dropped', async () => {
    const { storage, cleanup } = await freshStorageConfig();
    cleanups.push(cleanup);
    const logs: string[] = [];
    const config = testConfig(storage);
    let server = await createServer(config, { timers: false, log: (m) => logs.push(m) });
    const rep = await createRep(server.repo);
    const token = createTokenCodec('').mint();
    await server.repo.insertMessage(
      {
        accountId: rep.accountId,
        messageId: 'left-1',
        token,
        sentAt: HOUR_AGO,
        tracking: true,
        recipients: [],
        links: [],
      },
      Date.now(),
    );
    await server.app.inject({ method: 'GET', url: `/o/${token}.gif`, headers: { 'user-agent': GMAIL } });
    assert.equal((await feed(server, rep.auth)).length, 1);
    await server.close();

    // What a kill -9 leaves: hits journaled (and answered) but not yet written, the last line half done.
    const dir = journalDir(config);
    openJournalDir(dir);
    const orphan = (listSegments(dir).at(-1) ?? 0) + 1;
    const line = (at: number) =>
      encodeHit({
        token,
        kind: 'view',
        linkIndex: null,
        url: null,
        method: 'GET',
        userAgent: GMAIL,
        ip: '198.51.100.4',
        purpose: '',
        at,
      });
    appendFileSync(
      segmentPath(dir, orphan),
      line(Date.now()) + line(Date.now() + 1) + line(Date.now() + 2).slice(0, 20),
    );

    server = await createServer(config, { timers: false, log: (m) => logs.push(m) });
    assert.equal(
      (await feed(server, rep.auth)).length,
      3,
      'the two complete lines are written before the server is ready',
    );
    assert.ok(
      logs.some((m) => /dropped a torn last line/.test(m)),
      logs.join('\n'),
    );
    await server.close();

    server = await createServer(config, { timers: false, log: (m) => logs.push(m) });
    assert.equal((await feed(server, rep.auth)).length, 3, 'a second restart writes nothing twice');
    assert.ok(!existsSync(segmentPath(dir, orphan)), 'a written segment is deleted');
    await server.close();
  });

  it('while the writer is down, pixels are answered at once and their hits are written by the next writer', async () => {
    const { storage, cleanup } = await freshStorageConfig();
    cleanups.push(cleanup);
    const logs: string[] = [];
    const server = await createServer(testConfig(storage), { timers: false, log: (m) => logs.push(m) });
    cleanups.push(() => server.close());
    const rep = await createRep(server.repo);
    const token = createTokenCodec('').mint();
    await server.repo.insertMessage(
      {
        accountId: rep.accountId,
        messageId: 'down-1',
        token,
        sentAt: HOUR_AGO,
        tracking: true,
        recipients: [],
        links: [],
      },
      Date.now(),
    );

    const worker = (server.hitJournal as unknown as { worker: Worker }).worker;
    await worker.terminate();
    const started = performance.now();
    for (let i = 0; i < 5; i++) {
      const res = await server.app.inject({ method: 'GET', url: `/o/${token}.gif`, headers: { 'user-agent': GMAIL } });
      assert.equal(res.headers['content-type'], 'image/gif');
    }
    assert.ok(performance.now() - started < 500, 'no answer waited for the writer');
    assert.ok(
      logs.some((m) => /hit writer stopped .*restarting/.test(m)),
      logs.join('\n'),
    );
    const deadline = Date.now() + 10_000;
    let events = await feed(server, rep.auth);
    while (events.length < 5 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      events = await feed(server, rep.auth);
    }
    assert.deepEqual(
      events.map((e) => e.messageId),
      ['down-1', 'down-1', 'down-1', 'down-1', 'down-1'],
    );
  });

  it('a second server on the same DATA_DIR is refused with the reason; the lock of a dead owner is taken over', async () => {
    const { storage, cleanup } = await freshStorageConfig();
    cleanups.push(cleanup);
    const config = testConfig(storage);
    const dir = journalDir(config);
    openJournalDir(dir);
    writeFileSync(join(dir, 'lock'), String(process.ppid));
    await assert.rejects(
      createServer(config, { timers: false, log: () => {} }),
      /in use by process \d+: each server needs a DATA_DIR of its own/,
    );
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dir, 'lock'), String(gone));
    const server = await createServer(config, { timers: false, log: () => {} });
    assert.equal(readFileSync(join(dir, 'lock'), 'utf8'), String(process.pid));
    await server.close();
    assert.ok(!existsSync(join(dir, 'lock')), 'closing releases the lock');
  });

  it('the feed shows a hit answered just before it was asked, though the writer rests between batches', async () => {
    const { storage, cleanup } = await freshStorageConfig();
    cleanups.push(cleanup);
    const server = await createServer(testConfig(storage), { timers: false, log: () => {} });
    cleanups.push(() => server.close());
    const rep = await createRep(server.repo);
    const token = createTokenCodec('').mint();
    await server.repo.insertMessage(
      {
        accountId: rep.accountId,
        messageId: 'fresh-read',
        token,
        sentAt: HOUR_AGO,
        tracking: true,
        recipients: [],
        links: [],
      },
      Date.now(),
    );
    // Let the writer go idle and rest first.
    await server.hitJournal.drain();
    await new Promise((r) => setTimeout(r, 50));
    await server.app.inject({ method: 'GET', url: `/o/${token}.gif`, headers: { 'user-agent': GMAIL } });
    const res = await server.app.inject({ method: 'GET', url: '/v1/events?after=0', headers: rep.auth });
    assert.deepEqual(
      res.json().events.map((e: { messageId: string }) => e.messageId),
      ['fresh-read'],
    );
  });
});
