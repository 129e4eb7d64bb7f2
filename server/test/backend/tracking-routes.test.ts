import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PIXEL_GIF } from '../../src/tracking/pixel-gif.ts';
import { backend, createRep } from '../support/backend.ts';
import { type Harness, startHarness } from '../support/harness.ts';

const GMAIL = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

function assertGif(res: { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer }) {
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'image/gif');
  assert.equal(res.headers['cache-control'], 'no-cache, no-store, must-revalidate, private');
  assert.deepEqual(res.rawPayload, PIXEL_GIF);
}

describe(`pixel and click routes (${backend})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.close();
  });

  it('registering a message returns a pixel URL and one click URL per trackable link, idempotently', async () => {
    const links = [
      'https://example.com/pricing',
      'mailto:ann@example.com',
      'tel:+4930123',
      'https+notrack://example.com/x',
      'https://example.com/demo',
    ];
    const first = await h.register('reg-1', links);
    assert.match(first.body.pixelUrl as string, /^https:\/\/t\.example\.test\/o\/[0-9a-f]{32}\.gif$/);
    assert.equal(first.clicks.length, 5);
    assert.deepEqual(
      first.clicks.map((c) => c !== null),
      [true, false, false, false, true],
    );
    const again = await h.register('reg-1', links);
    assert.deepEqual(again.body, first.body, 'a retry gets the same answer');
    const conflict = await h.server.app.inject({
      method: 'POST',
      url: '/v1/messages',
      headers: h.auth,
      payload: { messageId: 'reg-1', sentAt: new Date().toISOString(), links: ['https://other.example/'] },
    });
    assert.equal(conflict.statusCode, 409);
    assert.equal(conflict.json().error.code, 'message_conflict');
  });

  it('a Gmail open is answered with the GIF and shows in the feed as a proxy open with its reason', async () => {
    const m = await h.register('open-1');
    const res = await h.server.app.inject({ method: 'GET', url: m.pixel, headers: { 'user-agent': GMAIL } });
    assertGif(res);
    const feed = await h.events();
    const view = feed.events.find((e) => e.messageId === 'open-1');
    assert.equal(view?.type, 'view');
    assert.equal(view?.classification, 'proxy');
    assert.match(String(view?.reason), /GoogleImageProxy/);
  });

  it('the pixel is the GIF for unknown, malformed and forged tokens, and nothing is recorded', async () => {
    const before = (await h.events()).events.length;
    for (const url of [
      '/o/0123456789abcdef0123456789abcdef.gif',
      '/o/nope.gif',
      '/o/%00%ff.gif',
      '/o/%E0%A4%A.gif',
      `/o/${'a'.repeat(5000)}.gif`,
      '/o/0123456789abcdef0123456789abcdef.png',
    ]) {
      assertGif(await h.server.app.inject({ method: 'GET', url }));
    }
    assert.equal((await h.events()).events.length, before);
  });

  it('HEAD on the pixel is answered and recorded as a prefetch', async () => {
    const m = await h.register('head-1');
    const res = await h.server.app.inject({ method: 'HEAD', url: m.pixel, headers: { 'user-agent': CHROME } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/gif');
    const view = (await h.events()).events.find((e) => e.messageId === 'head-1');
    assert.equal(view?.classification, 'prefetch');
  });

  it('a click redirects (302) to the stored URL only and is recorded with its link index', async () => {
    const m = await h.register('click-1', ['https://example.com/a', 'https://example.com/b?x=1&y=2']);
    const res = await h.server.app.inject({
      method: 'GET',
      url: `${m.clicks[1]}?url=https://evil.example/`,
      headers: { 'user-agent': CHROME },
    });
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, 'https://example.com/b?x=1&y=2');
    const click = (await h.events()).events.find((e) => e.messageId === 'click-1');
    assert.equal(click?.type, 'click');
    assert.equal(click?.linkIndex, 1);
    assert.equal(click?.url, 'https://example.com/b?x=1&y=2');
    assert.equal(click?.classification, 'human');
  });

  it('unknown click tokens and link numbers get a plain 404 page, never a redirect', async () => {
    const m = await h.register('click-404', ['https://example.com/a']);
    const token = m.clicks[0]?.split('/')[2];
    for (const url of [
      `/c/${token}/7`,
      '/c/0123456789abcdef0123456789abcdef/0',
      '/c/evil.example/0',
      `/c/${token}/x`,
      '/c/https%3A%2F%2Fevil.example/0',
    ]) {
      const res = await h.server.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.headers.location, undefined);
      assert.match(String(res.headers['content-type']), /text\/plain/);
    }
  });

  it('HEAD on a click link is answered like GET and recorded as a prefetch', async () => {
    const m = await h.register('click-head', ['https://example.com/a']);
    const res = await h.server.app.inject({ method: 'HEAD', url: m.clicks[0] ?? '' });
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, 'https://example.com/a');
    assert.equal((await h.events()).events.find((e) => e.messageId === 'click-head')?.classification, 'prefetch');
  });

  it('double-wrapped links (Safe Links, URL Defense) still resolve', async () => {
    const m = await h.register('wrapped', [
      'https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.com%2Fdoc&data=05%7C01',
    ]);
    const ours = `https://t.example.test${m.clicks[0]}`;
    // Safe Links wraps our URL and later redirects the reader to exactly what it wrapped.
    const safe = new URL(
      `https://eur01.safelinks.protection.outlook.com/?url=${encodeURIComponent(ours)}&data=x&reserved=0`,
    );
    const viaSafeLinks = new URL(safe.searchParams.get('url') ?? '');
    // URL Defense v2 encodes '/' as '_' and escapes with -XX; hex tokens survive the round trip.
    const defended = ours.replace('://', '-3A__').replace(/\//g, '_');
    const viaDefense = new URL(defended.replace('-3A__', '://').replace(/_/g, '/'));
    for (const url of [viaSafeLinks, viaDefense]) {
      const res = await h.server.app.inject({ method: 'GET', url: url.pathname });
      assert.equal(res.statusCode, 302);
      assert.equal(
        res.headers.location,
        'https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.com%2Fdoc&data=05%7C01',
      );
    }
    for (const suffix of ['/', '&d=abc', '?e=']) {
      const res = await h.server.app.inject({ method: 'GET', url: `${m.clicks[0]}${suffix}` });
      assert.equal(res.statusCode, 302, `tolerates trailing "${suffix}"`);
    }
  });

  it('archiving turns tracking off: hits are still answered but not recorded; unarchive turns it on', async () => {
    const m = await h.register('archive-1', ['https://example.com/a']);
    const off = await h.server.app.inject({
      method: 'POST',
      url: '/v1/messages/archive-1/tracking',
      headers: h.auth,
      payload: { enabled: false },
    });
    assert.equal(off.statusCode, 200);
    assertGif(await h.server.app.inject({ method: 'GET', url: m.pixel, headers: { 'user-agent': GMAIL } }));
    assert.equal((await h.server.app.inject({ method: 'GET', url: m.clicks[0] ?? '' })).statusCode, 302);
    assert.equal((await h.events()).events.filter((e) => e.messageId === 'archive-1').length, 0);
    await h.server.app.inject({
      method: 'POST',
      url: '/v1/messages/archive-1/tracking',
      headers: h.auth,
      payload: { enabled: true },
    });
    await h.server.app.inject({ method: 'GET', url: m.pixel, headers: { 'user-agent': GMAIL } });
    assert.equal((await h.events()).events.filter((e) => e.messageId === 'archive-1').length, 1);
    const missing = await h.server.app.inject({
      method: 'POST',
      url: '/v1/messages/nope/tracking',
      headers: h.auth,
      payload: { enabled: true },
    });
    assert.equal(missing.statusCode, 404);
  });

  it('mail to a never-track recipient domain gets no click URLs and records nothing', async () => {
    const h2 = await startHarness({ untrackedRecipientDomains: ['bank.example'] });
    try {
      const m = await h2.register('bank-1', ['https://example.com/a'], { recipients: ['cfo@bank.example'] });
      assert.deepEqual(m.clicks, [null]);
      assert.equal(m.body.tracking, false);
      assertGif(await h2.server.app.inject({ method: 'GET', url: m.pixel, headers: { 'user-agent': GMAIL } }));
      assert.equal((await h2.events()).events.length, 0);
    } finally {
      await h2.close();
    }
  });

  it("the rep's own view marks hits within ±10 s as self, before and after the self-view", async () => {
    const m = await h.register('self-1');
    await h.server.app.inject({ method: 'GET', url: m.pixel, headers: { 'user-agent': GMAIL } });
    await h.server.hitJournal.drain();
    h.clock.now += 3000;
    const res = await h.server.app.inject({
      method: 'POST',
      url: '/v1/self-view',
      headers: h.auth,
      payload: { messageId: 'self-1' },
    });
    assert.equal(res.statusCode, 204);
    h.clock.now += 5000;
    await h.server.app.inject({ method: 'GET', url: m.pixel, headers: { 'user-agent': GMAIL } });
    h.clock.now += 60_000;
    await h.server.app.inject({ method: 'GET', url: m.pixel, headers: { 'user-agent': GMAIL } });
    const views = (await h.events()).events.filter((e) => e.messageId === 'self-1');
    assert.deepEqual(
      views.map((v) => v.classification),
      ['self', 'self', 'proxy'],
    );
    assert.equal(
      (
        await h.server.app.inject({
          method: 'POST',
          url: '/v1/self-view',
          headers: h.auth,
          payload: { messageId: 'unknown' },
        })
      ).statusCode,
      404,
    );
  });

  it("the rep's own view named by the pixel's token (Gmail's proxy hides all else) marks hits as self", async () => {
    const m = await h.register('self-token-1');
    const token = /\/o\/([0-9a-f]+)\.gif$/.exec(m.pixel)?.[1] ?? '';
    await h.server.app.inject({ method: 'GET', url: m.pixel, headers: { 'user-agent': GMAIL } });
    await h.server.hitJournal.drain();
    h.clock.now += 2000;
    const selfView = (payload: Record<string, unknown>, headers = h.auth) =>
      h.server.app.inject({ method: 'POST', url: '/v1/self-view', headers, payload });
    assert.equal((await selfView({ token: token.toUpperCase() })).statusCode, 204);
    h.clock.now += 60_000;
    await h.server.app.inject({ method: 'GET', url: m.pixel, headers: { 'user-agent': GMAIL } });
    const views = (await h.events()).events.filter((e) => e.messageId === 'self-token-1');
    assert.deepEqual(
      views.map((v) => v.classification),
      ['self', 'proxy'],
    );
    // A made-up token, another rep's token, or both fields at once name nothing of this rep's.
    assert.equal((await selfView({ token: 'f'.repeat(32) })).statusCode, 404);
    assert.equal((await selfView({ token: 'not-a-token' })).statusCode, 404);
    const other = await createRep(h.server.repo, 'Other rep');
    assert.equal((await selfView({ token }, other.auth)).statusCode, 404);
    assert.equal((await selfView({ token, messageId: 'self-token-1' })).statusCode, 400);
    assert.equal((await selfView({})).statusCode, 400);
  });

  it('a hit right after send is labelled scanner', async () => {
    const res = await h.server.app.inject({
      method: 'POST',
      url: '/v1/messages',
      headers: h.auth,
      payload: { messageId: 'fresh-1', sentAt: new Date(h.clock.now - 5000).toISOString(), links: [] },
    });
    await h.server.app.inject({
      method: 'GET',
      url: new URL(res.json().pixelUrl).pathname,
      headers: { 'user-agent': GMAIL },
    });
    const view = (await h.events()).events.find((e) => e.messageId === 'fresh-1');
    assert.equal(view?.classification, 'scanner');
    assert.match(String(view?.reason), /5 s after send/);
  });

  it('three links clicked within a second from three addresses: all three become scanner', async () => {
    const m = await h.register('burst-1', ['https://example.com/1', 'https://example.com/2', 'https://example.com/3']);
    const headers = { 'user-agent': CHROME };
    // Three Comcast addresses (AS7922 in the ASN database): a rotating scanner looks like people.
    for (const [i, url] of m.clicks.entries()) {
      await h.server.app.inject({ method: 'GET', url: url ?? '', headers, remoteAddress: `73.22.10.${50 + i}` });
      await h.server.hitJournal.drain();
      h.clock.now += 400;
    }
    const clicks = (await h.events()).events.filter((e) => e.messageId === 'burst-1');
    assert.deepEqual(
      clicks.map((c) => c.classification),
      ['scanner', 'scanner', 'scanner'],
    );
    assert.match(String(clicks[0]?.reason), /3\+ links of this message clicked within 2 s, from any address/);
  });

  it('a reader opening three links in new tabs, 3 s apart, is not a burst', async () => {
    const m = await h.register('burst-2', ['https://example.com/1', 'https://example.com/2', 'https://example.com/3']);
    for (const url of m.clicks) {
      await h.server.app.inject({
        method: 'GET',
        url: url ?? '',
        headers: { 'user-agent': CHROME },
        remoteAddress: '73.22.10.60',
      });
      await h.server.hitJournal.drain();
      h.clock.now += 3000;
    }
    assert.deepEqual(
      (await h.events()).events.filter((e) => e.messageId === 'burst-2').map((c) => c.classification),
      ['human', 'human', 'human'],
    );
  });
});

describe(`the pixel over a real socket (${backend})`, () => {
  it('plain, %-escaped and HEAD pixel URLs all get the GIF and are recorded, with the forwarded address behind a proxy', async () => {
    const h = await startHarness({ trustProxy: true });
    try {
      await h.server.app.listen({ port: 0, host: '127.0.0.1' });
      const address = h.server.app.server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const plain = await h.register('real-1');
      const escaped = await h.register('real-2');
      const head = await h.register('real-3');
      const hits = [
        // Plain URLs are answered by the fast path in front of fastify, an escaped one by the fastify route.
        { url: `${plain.pixel}?utm=x`, method: 'GET', ip: '203.0.113.7' },
        { url: escaped.pixel.replace(/a/, '%61'), method: 'GET', ip: '203.0.113.8' },
        { url: head.pixel, method: 'HEAD', ip: '203.0.113.9' },
        { url: '/o/0123456789abcdef0123456789abcdef.gif', method: 'GET', ip: '203.0.113.10' },
      ];
      for (const hit of hits) {
        const res = await fetch(base + hit.url, {
          method: hit.method,
          headers: { 'user-agent': GMAIL, 'x-forwarded-for': `${hit.ip}, 10.0.0.1` },
        });
        assert.equal(res.status, 200, hit.url);
        assert.equal(res.headers.get('content-type'), 'image/gif');
        assert.equal(res.headers.get('cache-control'), 'no-cache, no-store, must-revalidate, private');
        assert.deepEqual(Buffer.from(await res.arrayBuffer()), hit.method === 'GET' ? PIXEL_GIF : Buffer.alloc(0));
      }
      await h.server.hitJournal.drain();
      const db = (h.server.repo as unknown as { db: { all(sql: string): Promise<Record<string, unknown>[]> } }).db;
      const rows = await db.all('SELECT message_id, ip, classification FROM events ORDER BY id');
      assert.deepEqual(
        rows.map((r) => [r.message_id, r.ip, r.classification]),
        [
          ['real-1', '203.0.113.7', 'proxy'],
          ['real-2', '203.0.113.8', 'proxy'],
          ['real-3', '203.0.113.9', 'prefetch'],
        ],
      );
    } finally {
      await h.close();
    }
  });
});

describe(`privacy switches (${backend})`, () => {
  it('STORE_IP_UA off keeps only the verdict; retention forgets raw hits', async () => {
    const h = await startHarness({ storeIpUa: false });
    const kept = await startHarness({ storeIpUa: true });
    try {
      for (const x of [h, kept]) {
        const m = await x.register('p-1');
        await x.server.app.inject({
          method: 'GET',
          url: m.pixel,
          headers: { 'user-agent': GMAIL },
          remoteAddress: '198.51.100.9',
        });
        await x.server.hitJournal.drain();
      }
      const raw = async (x: Harness) => {
        const db = (x.server.repo as unknown as { db: { all(sql: string): Promise<Record<string, unknown>[]> } }).db;
        return db.all('SELECT ip, ua, classification FROM events');
      };
      assert.deepEqual(
        (await raw(h)).map((r) => [r.ip, r.ua, r.classification]),
        [[null, null, 'proxy']],
      );
      assert.deepEqual(
        (await raw(kept)).map((r) => [r.ip, r.classification]),
        [['198.51.100.9', 'proxy']],
      );
      assert.equal(await kept.server.repo.purgeRawHits(kept.clock.now + 1), 1);
      assert.deepEqual(
        (await raw(kept)).map((r) => [r.ip, r.ua, r.classification]),
        [[null, null, 'proxy']],
      );
    } finally {
      await h.close();
      await kept.close();
    }
  });

  it('with a token secret, forged tokens are dropped before any storage work', async () => {
    const h = await startHarness({ tokenSecret: 'k3y' });
    try {
      const m = await h.register('signed-1', ['https://example.com/a']);
      assert.match(m.pixel, /^\/o\/[0-9a-f]{44}\.gif$/);
      const forged = m.pixel.replace(/[0-9a-f](\.gif)$/, (c) => `${c[0] === '0' ? '1' : '0'}.gif`);
      const journaled = h.server.hitJournal.journaled;
      assertGif(await h.server.app.inject({ method: 'GET', url: forged }));
      assert.equal(h.server.hitJournal.journaled, journaled, 'the forged hit was not even journaled');
      assertGif(await h.server.app.inject({ method: 'GET', url: m.pixel }));
      assert.equal(h.server.hitJournal.journaled, journaled + 1, 'the genuine hit was');
      const forgedClick = (m.clicks[0] ?? '').replace(/([0-9a-f])\/0$/, (_, c: string) => `${c === '0' ? '1' : '0'}/0`);
      assert.equal((await h.server.app.inject({ method: 'GET', url: forgedClick })).statusCode, 404);
      assert.equal((await h.server.app.inject({ method: 'GET', url: m.clicks[0] ?? '' })).statusCode, 302);
    } finally {
      await h.close();
    }
  });

  it('public routes are rate limited per address; the pixel still answers with the GIF', async () => {
    const h = await startHarness({ rateLimitPerMinute: 5 });
    try {
      const m = await h.register('rl-1', ['https://example.com/a']);
      for (let i = 0; i < 8; i++)
        assertGif(
          await h.server.app.inject({
            method: 'GET',
            url: m.pixel,
            headers: { 'user-agent': GMAIL },
            remoteAddress: '198.51.100.1',
          }),
        );
      assert.equal(
        (await h.server.app.inject({ method: 'GET', url: m.clicks[0] ?? '', remoteAddress: '198.51.100.1' }))
          .statusCode,
        429,
      );
      assert.equal(
        (await h.server.app.inject({ method: 'GET', url: m.clicks[0] ?? '', remoteAddress: '198.51.100.2' }))
          .statusCode,
        302,
      );
      const types = (await h.events()).events.map((e) => e.type);
      assert.deepEqual(
        types,
        ['view', 'view', 'view', 'view', 'view', 'click'],
        'only hits within the allowance are recorded',
      );
    } finally {
      await h.close();
    }
  });
});
