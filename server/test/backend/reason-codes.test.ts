import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { SqlRepository } from '../../src/storage/sql-repository.ts';
import {
  backend,
  createRep,
  freshStorageConfig,
  openRepo,
  undoEventRecipients,
  undoSendContents,
} from '../support/backend.ts';
import { type Harness, startHarness } from '../support/harness.ts';

// The extension translates an event's reasonCode with its reasonParams; these stories check that
// the feed hands out the right ones, next to the English text API users have always read.

const GMAIL = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
const fixtures = new URL('../../../../shared/fixtures/', import.meta.url).pathname;

describe(`reason codes in the event feed (${backend})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.close();
  });

  const eventsOf = async (messageId: string) => (await h.events()).events.filter((e) => e.messageId === messageId);

  it('a hit 12 s after send is a scanner with its seconds and the window, and the same English text', async () => {
    const res = await h.server.app.inject({
      method: 'POST',
      url: '/v1/messages',
      headers: h.auth,
      payload: { messageId: 'soon-1', sentAt: new Date(h.clock.now - 12_000).toISOString(), links: [] },
    });
    await h.server.app.inject({
      method: 'GET',
      url: new URL(res.json().pixelUrl).pathname,
      headers: { 'user-agent': GMAIL },
    });
    const [view] = await eventsOf('soon-1');
    assert.equal(view?.classification, 'scanner');
    assert.equal(view?.reasonCode, 'scanner.tooSoonAfterSend');
    assert.deepEqual(view?.reasonParams, { seconds: 12, windowSeconds: 30 });
    assert.equal(view?.reason, 'scanner: 12 s after send (window 30 s)');
  });

  it('a Gmail open names the proxy service and its marker', async () => {
    const m = await h.register('proxy-1');
    await h.server.app.inject({ method: 'GET', url: m.pixel, headers: { 'user-agent': GMAIL } });
    const [view] = await eventsOf('proxy-1');
    assert.equal(view?.reasonCode, 'proxy.imageProxy');
    assert.deepEqual(view?.reasonParams, { service: 'Gmail', marker: 'GoogleImageProxy' });
    assert.equal(view?.reason, 'proxy: Gmail image proxy (GoogleImageProxy), counts as an open');
  });

  it('a code without parameters comes without reasonParams', async () => {
    const m = await h.register('head-1');
    await h.server.app.inject({ method: 'HEAD', url: m.pixel, headers: { 'user-agent': CHROME } });
    const [view] = await eventsOf('head-1');
    assert.equal(view?.reasonCode, 'prefetch.headRequest');
    assert.equal('reasonParams' in (view ?? {}), false);
  });

  it('a click burst re-labels the clicks already stored: code and parameters change with the text', async () => {
    const m = await h.register('burst-codes', [
      'https://example.com/1',
      'https://example.com/2',
      'https://example.com/3',
    ]);
    for (const url of m.clicks) {
      await h.server.app.inject({
        method: 'GET',
        url: url ?? '',
        headers: { 'user-agent': CHROME },
        remoteAddress: '73.22.10.61',
      });
      // Each click is written before the next, so the first two are re-labelled in storage.
      await h.server.hitJournal.drain();
      h.clock.now += 500;
    }
    const clicks = await eventsOf('burst-codes');
    assert.deepEqual(
      clicks.map((c) => [c.classification, c.reasonCode, c.reasonParams]),
      Array(3).fill(['scanner', 'scanner.linkBurst', { links: 3, windowSeconds: 2 }]),
    );
    assert.match(String(clicks[0]?.reason), /^scanner: 3\+ links/);
  });

  it("the rep's self-view re-labels an earlier open with the self code", async () => {
    const m = await h.register('self-codes');
    await h.server.app.inject({ method: 'GET', url: m.pixel, headers: { 'user-agent': GMAIL } });
    await h.server.hitJournal.drain();
    h.clock.now += 3000;
    await h.server.app.inject({
      method: 'POST',
      url: '/v1/self-view',
      headers: h.auth,
      payload: { messageId: 'self-codes' },
    });
    const [view] = await eventsOf('self-codes');
    assert.deepEqual(
      [view?.classification, view?.reasonCode, view?.reasonParams],
      ['self', 'self.repView', { windowSeconds: 10 }],
    );
  });

  it('a hard bounce report carries bounce.hardReason with its reason and status, and names its recipient', async () => {
    const m = await h.register('bounce-codes');
    const token = m.pixel.slice(3, -4);
    await h.server.handleReport(readFileSync(`${fixtures}dsn/sisimai-rfc3464-01.eml`, 'utf8'), [
      `b+${token}@bounce.example.test`,
    ]);
    const [bounce] = await eventsOf('bounce-codes');
    assert.equal(bounce?.type, 'bounce');
    assert.equal(bounce?.reasonCode, 'bounce.hardReason');
    assert.deepEqual(bounce?.reasonParams, { reason: 'userUnknown', status: '5.1.1' });
    assert.equal(bounce?.reason, 'bounce: hard bounce, userUnknown (5.1.1)');
    assert.match(String(bounce?.detail), /userunknown@bouncehammer\.jp/);
    assert.equal(bounce?.recipient, 'userunknown@bouncehammer.jp');
  });

  it('an event written without a code (as before codes existed) keeps its text and has no code or parameters', async () => {
    const m = await h.server.repo.findMessage(h.accountId, 'proxy-1');
    assert.ok(m);
    await h.server.repo.insertEvents(
      [
        {
          accountId: h.accountId,
          messagePk: m.pk,
          messageId: 'old-1',
          type: 'view',
          at: h.clock.now,
          classification: 'human',
          reason: 'human: Outlook',
        },
      ],
      h.clock.now,
    );
    const [old] = await eventsOf('old-1');
    assert.equal(old?.reason, 'human: Outlook');
    assert.equal('reasonCode' in (old ?? {}), false);
    assert.equal('reasonParams' in (old ?? {}), false);
  });
});

describe(`the reason-code migration on a database with events in it (${backend})`, () => {
  it('rows from before the migration keep their text and read with a null code', async () => {
    const { storage, cleanup } = await freshStorageConfig();
    try {
      let repo = (await openRepo(storage)) as SqlRepository;
      const { accountId } = await createRep(repo);
      const message = await repo.insertMessage(
        { accountId, messageId: 'm', token: 'a'.repeat(32), sentAt: 0, tracking: true, recipients: [], links: [] },
        0,
      );
      // Put the schema back to what version 2 left, holding one event, and let the next start migrate it.
      await undoEventRecipients(repo.db);
      await undoSendContents(repo.db);
      await repo.db.run('ALTER TABLE events DROP COLUMN reason_code');
      await repo.db.run('ALTER TABLE events DROP COLUMN reason_params');
      await repo.db.run('DELETE FROM schema_migrations WHERE version = 3');
      await repo.db.run(
        `INSERT INTO events (account_id, message_pk, message_id, type, at, recorded_at, classification, reason) VALUES ($1, $2, 'm', 'view', 0, 0, 'proxy', $3)`,
        [accountId, message.pk, 'proxy: Gmail image proxy (GoogleImageProxy), counts as an open'],
      );
      await repo.close();
      repo = (await openRepo(storage)) as SqlRepository;
      const [old] = await repo.readFeed(accountId, '0', 10, Number.MAX_SAFE_INTEGER);
      assert.deepEqual(
        [old?.reason, old?.reasonCode, old?.reasonParams],
        ['proxy: Gmail image proxy (GoogleImageProxy), counts as an open', null, null],
      );
      await repo.close();
    } finally {
      await cleanup();
    }
  });
});
