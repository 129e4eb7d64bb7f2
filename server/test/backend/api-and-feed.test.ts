import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import pg from 'pg';
import { generateApiKey, hashApiKey } from '../../src/accounts/api-keys.ts';
import { REGISTER_BODY_LIMIT } from '../../src/http/body-limits.ts';
import type { NewEvent } from '../../src/storage/repository.ts';
import { backend, createRep } from '../support/backend.ts';
import { type Harness, startHarness } from '../support/harness.ts';

describe(`API keys and bad input (${backend})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.close();
  });

  it('every /v1 route answers 401 JSON without a valid key', async () => {
    const routes: [string, string][] = [
      ['POST', '/v1/messages'],
      ['GET', '/v1/events'],
      ['POST', '/v1/self-view'],
      ['POST', '/v1/send'],
      ['DELETE', '/v1/send/x'],
      ['PATCH', '/v1/send/x'],
      ['POST', '/v1/messages/x/tracking'],
    ];
    for (const [method, url] of routes) {
      for (const authorization of [undefined, 'Bearer nope', 'Basic abc', `Bearer ${generateApiKey()}`]) {
        const res = await h.server.app.inject({
          method: method as 'GET',
          url,
          headers: authorization ? { authorization } : {},
        });
        assert.equal(res.statusCode, 401, `${method} ${url} with ${authorization}`);
        assert.equal(res.json().error.code, 'unauthorized');
      }
    }
  });

  it("answers the extension's CORS preflight and echoes only extension origins", async () => {
    const extension = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const preflight = await h.server.app.inject({
      method: 'OPTIONS',
      url: '/v1/events',
      headers: {
        origin: extension,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], extension);
    assert.match(String(preflight.headers['access-control-allow-headers']), /authorization/);
    const answer = await h.server.app.inject({
      method: 'GET',
      url: '/v1/events',
      headers: { ...h.auth, origin: extension },
    });
    assert.equal(answer.statusCode, 200);
    assert.equal(answer.headers['access-control-allow-origin'], extension);
    const refused = await h.server.app.inject({
      method: 'GET',
      url: '/v1/events',
      headers: { authorization: 'Bearer nope', origin: extension },
    });
    assert.equal(
      refused.headers['access-control-allow-origin'],
      extension,
      'the extension can read why it was refused',
    );
    const page = await h.server.app.inject({
      method: 'OPTIONS',
      url: '/v1/events',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    assert.equal(page.statusCode, 403);
    assert.equal(page.headers['access-control-allow-origin'], undefined);
    const pageGet = await h.server.app.inject({
      method: 'GET',
      url: '/v1/events',
      headers: { ...h.auth, origin: 'https://evil.example' },
    });
    assert.equal(pageGet.headers['access-control-allow-origin'], undefined);
  });

  it("a revoked key stops working at once; other reps never see each other's events", async () => {
    const other = await createRep(h.server.repo, 'Other');
    const m = await h.register('mine-1');
    await h.server.app.inject({
      method: 'GET',
      url: m.pixel,
      headers: { 'user-agent': 'Microsoft Office/16.0 (Microsoft Outlook Mail 16.0.6525; Pro)' },
    });
    await h.server.hitJournal.drain();
    const theirs = await h.server.app.inject({ method: 'GET', url: '/v1/events', headers: other.auth });
    assert.deepEqual(theirs.json().events, []);
    assert.equal(await h.server.repo.revokeApiKey(hashApiKey(other.key), Date.now()), true);
    assert.equal(
      (await h.server.app.inject({ method: 'GET', url: '/v1/events', headers: other.auth })).statusCode,
      401,
    );
  });

  it('invalid JSON, wrong types, extra fields, oversized bodies and unknown routes get a clear 4xx', async () => {
    const cases: [InjectOptions & { method: string; url: string }, number, string][] = [
      [
        {
          method: 'POST',
          url: '/v1/messages',
          headers: { ...h.auth, 'content-type': 'application/json' },
          payload: '{"messageId":',
        },
        400,
        'bad_request',
      ],
      [
        {
          method: 'POST',
          url: '/v1/messages',
          headers: h.auth,
          payload: { messageId: 'x', sentAt: 'yesterday', links: [] },
        },
        400,
        'invalid_request',
      ],
      [
        {
          method: 'POST',
          url: '/v1/messages',
          headers: h.auth,
          payload: { messageId: 'x', sentAt: new Date().toISOString(), links: 'https://a' },
        },
        400,
        'invalid_request',
      ],
      [
        {
          method: 'POST',
          url: '/v1/messages',
          headers: h.auth,
          payload: { messageId: 'x', sentAt: new Date().toISOString(), links: [], admin: true },
        },
        400,
        'invalid_request',
      ],
      [
        { method: 'POST', url: '/v1/messages', headers: { ...h.auth, 'content-type': 'text/plain' }, payload: 'hello' },
        400,
        'invalid_request',
      ],
      [
        {
          method: 'POST',
          url: '/v1/messages',
          headers: { ...h.auth, 'content-type': 'application/xml' },
          payload: '<a/>',
        },
        415,
        'unsupported_media_type',
      ],
      [
        {
          method: 'POST',
          url: '/v1/messages',
          headers: { ...h.auth, 'content-type': 'application/json' },
          payload: `{"messageId":"${'x'.repeat(REGISTER_BODY_LIMIT)}"}`,
        },
        413,
        'body_too_large',
      ],
      [{ method: 'GET', url: '/v1/events?limit=501', headers: h.auth }, 400, 'invalid_request'],
      [{ method: 'GET', url: '/v1/events?after=abc', headers: h.auth }, 400, 'invalid_request'],
      [{ method: 'GET', url: '/v1/events?after=1-2-3', headers: h.auth }, 400, 'invalid_cursor'],
      [{ method: 'GET', url: '/v1/nothing-here', headers: h.auth }, 404, 'not_found'],
      [{ method: 'GET', url: '/wp-admin.php' }, 404, 'not_found'],
    ];
    for (const [request, status, code] of cases) {
      const res = await h.server.app.inject(request);
      assert.equal(res.statusCode, status, `${request.method} ${request.url}: ${res.body.slice(0, 200)}`);
      assert.equal(res.json().error.code, code, `${request.method} ${request.url}`);
      assert.equal(typeof res.json().error.message, 'string');
    }
  });
});

describe(`event feed (${backend})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.close();
  });

  it('pages through every event in order with next/more, and resumes from any cursor', async () => {
    const m = await h.register('feed-1');
    for (let i = 0; i < 23; i++) {
      h.clock.now += 1000;
      await h.server.app.inject({
        method: 'GET',
        url: m.pixel,
        headers: { 'user-agent': 'Outlook-iOS/665.29827.prod.iphone (2.63.0)' },
      });
    }
    const all = await h.events('0', 500);
    assert.equal(all.events.length, 23);
    assert.equal(all.more, false);
    const seen: string[] = [];
    let cursor = '0';
    for (let page = 0; page < 10; page++) {
      const res = await h.events(cursor, 5);
      seen.push(...res.events.map((e) => String(e.cursor)));
      cursor = res.next;
      if (!res.more) break;
    }
    assert.deepEqual(
      seen,
      all.events.map((e) => e.cursor),
    );
    const resumed = await h.events(String(all.events[10]?.cursor), 500);
    assert.deepEqual(
      resumed.events.map((e) => e.cursor),
      all.events.slice(11).map((e) => e.cursor),
    );
    const empty = await h.events(all.next, 10);
    assert.deepEqual(empty, { events: [], next: all.next, more: false });
  });

  it('holds back events younger than FEED_SETTLE_SECONDS, without skipping them later', async () => {
    const s = await startHarness({ feedSettleSeconds: 10 });
    try {
      const m = await s.register('settle-1');
      await s.server.app.inject({ method: 'GET', url: m.pixel, headers: { 'user-agent': 'Mozilla/5.0' } });
      assert.equal((await s.events()).events.length, 0);
      s.clock.now += 11_000;
      assert.equal((await s.events()).events.length, 1);
    } finally {
      await s.close();
    }
  });

  it('concurrent writers and a polling reader: the reader ends with every event exactly once', async () => {
    const m = await h.server.repo.findMessage(h.accountId, 'feed-1');
    assert.ok(m);
    const event = (i: number): NewEvent => ({
      accountId: h.accountId,
      messagePk: m.pk,
      messageId: `conc-${i}`,
      type: 'view',
      at: h.clock.now,
      classification: 'human',
      reason: 'test',
    });
    let cursor = (await h.events('0', 500)).next;
    const got: string[] = [];
    let writing = true;
    const writers = Promise.all(
      Array.from({ length: 40 }, (_, w) => h.server.repo.insertEvents([event(w * 2), event(w * 2 + 1)], h.clock.now)),
    ).finally(() => {
      writing = false;
    });
    while (writing) {
      const page = await h.server.repo.readFeed(h.accountId, cursor, 7, Number.MAX_SAFE_INTEGER);
      got.push(...page.map((e) => e.messageId));
      cursor = page.at(-1)?.cursor ?? cursor;
    }
    await writers;
    for (;;) {
      const page = await h.server.repo.readFeed(h.accountId, cursor, 7, Number.MAX_SAFE_INTEGER);
      if (page.length === 0) break;
      got.push(...page.map((e) => e.messageId));
      cursor = page.at(-1)?.cursor ?? cursor;
    }
    assert.equal(got.length, 80);
    assert.equal(new Set(got).size, 80);
  });

  if (backend === 'postgres') {
    it('a row whose id was taken first but commits last is not skipped (sequences commit out of order)', async () => {
      const m = await h.server.repo.findMessage(h.accountId, 'feed-1');
      assert.ok(m);
      let cursor = (await h.events('0', 500)).next;
      const url = (h.server.repo as unknown as { db: { pool: pg.Pool } }).db.pool.options.connectionString;
      const slow = new pg.Client({ connectionString: url });
      await slow.connect();
      await slow.query('BEGIN');
      await slow.query(
        `INSERT INTO events (account_id, message_pk, message_id, type, at, recorded_at, classification, reason) VALUES ($1, $2, 'slow', 'view', 0, 0, 'human', 'test')`,
        [h.accountId, m.pk],
      );
      await h.server.repo.insertEvents(
        [
          {
            accountId: h.accountId,
            messagePk: m.pk,
            messageId: 'fast',
            type: 'view',
            at: 0,
            classification: 'human',
            reason: 'test',
          },
        ],
        0,
      );
      const whileOpen = await h.server.repo.readFeed(h.accountId, cursor, 100, Number.MAX_SAFE_INTEGER);
      assert.deepEqual(
        whileOpen.map((e) => e.messageId),
        [],
        'nothing past the open transaction is handed out yet',
      );
      await slow.query('COMMIT');
      await slow.end();
      const after = await h.server.repo.readFeed(h.accountId, cursor, 100, Number.MAX_SAFE_INTEGER);
      assert.deepEqual(
        after.map((e) => e.messageId),
        ['slow', 'fast'],
      );
      cursor = after.at(-1)?.cursor ?? cursor;
    });
  }
});
