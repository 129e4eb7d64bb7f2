import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { backend } from '../support/backend.ts';
import { type BounceIntake, openBounceIntake } from '../support/bounce-intake.ts';
import { type Harness, startHarness } from '../support/harness.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** An in-process relay: nouser@ gets 550, busy@ gets 451, everyone else is accepted. */
async function startRelay(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nouser'))
        return callback(Object.assign(new Error(`5.1.1 <${address.address}>: user unknown`), { responseCode: 550 }));
      if (address.address.startsWith('busy'))
        return callback(Object.assign(new Error('4.2.1 mailbox busy, try later'), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const fixtures = new URL('../../../../shared/fixtures/', import.meta.url).pathname;

describe(`SMTP delivery through a real SMTP conversation (${backend})`, () => {
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let h: Harness;
  before(async () => {
    relay = await startRelay();
    h = await startHarness({
      smtpHost: '127.0.0.1',
      smtpPort: relay.port,
      inboundSmtpPort: 0,
      retryDelaysSeconds: [60, 300],
    });
  });
  after(async () => {
    await h.close();
    await relay.close();
  });

  async function send(body: Record<string, unknown>) {
    return h.server.app.inject({
      method: 'POST',
      url: '/v1/send',
      headers: h.auth,
      payload: { from: 'rep@sales.example', subject: 'Hello', html: '<p>Hi</p>', ...body },
    });
  }
  async function runScheduler() {
    h.server.scheduler.wake();
    await h.server.scheduler.idle();
  }
  const outcome = async (messageId: string) =>
    (await h.events()).events
      .filter((e) => e.messageId === messageId)
      .map((e) => `${e.type}:${String(e.detail).split(':')[0]}`);

  it('sends with a VERP return path; accepted recipients are delivered, 550 recipients bounce', async () => {
    const res = await send({ messageId: 'send-1', to: ['ann@customer.example', 'nouser@customer.example'] });
    assert.equal(res.statusCode, 202);
    await runScheduler();
    const mail = relay.received.at(-1);
    assert.ok(mail);
    assert.match(mail.from, /^b\+[0-9a-f]{32}@bounce\.example\.test$/);
    assert.deepEqual(mail.to, ['ann@customer.example']);
    assert.match(mail.raw, /^Subject: Hello/m);
    assert.deepEqual(await outcome('send-1'), ['delivered:ann@customer.example', 'bounce:nouser@customer.example']);
    const bounce = (await h.events()).events.find((e) => e.type === 'bounce' && e.messageId === 'send-1');
    assert.match(String(bounce?.reason), /hard bounce at send \(550\)/);
    assert.deepEqual([bounce?.reasonCode, bounce?.reasonParams], ['bounce.hardAtSend', { smtpCode: 550 }]);
    assert.match(String(bounce?.detail), /5\.1\.1/);
    // Each outcome names its recipient on its own, for the extension's people (issue #14).
    const recipients = (await h.events()).events.filter((e) => e.messageId === 'send-1').map((e) => e.recipient);
    assert.deepEqual(recipients, ['ann@customer.example', 'nouser@customer.example']);
  });

  it('4xx is retried with backoff, then reported as failed', async () => {
    await send({ messageId: 'send-busy', to: ['busy@customer.example'] });
    await runScheduler();
    assert.deepEqual(await outcome('send-busy'), ['deferred:busy@customer.example']);
    await runScheduler();
    assert.deepEqual(
      await outcome('send-busy'),
      ['deferred:busy@customer.example'],
      'nothing is retried before the backoff',
    );
    h.clock.now += 61_000;
    await runScheduler();
    h.clock.now += 301_000;
    await runScheduler();
    assert.deepEqual(await outcome('send-busy'), [
      'deferred:busy@customer.example',
      'deferred:busy@customer.example',
      'failed:busy@customer.example',
    ]);
    const reasons = (await h.events()).events
      .filter((e) => e.messageId === 'send-busy')
      .map((e) => [e.reasonCode, e.reasonParams]);
    assert.deepEqual(reasons, [
      ['deferred.retrying', { smtpCode: 451, attempt: 1, attempts: 2 }],
      ['deferred.retrying', { smtpCode: 451, attempt: 2, attempts: 2 }],
      ['failed.stillDeferred', { smtpCode: 451, attempts: 3 }],
    ]);
    assert.equal((await h.server.repo.findSend(h.accountId, 'send-busy'))?.status, 'failed');
  });

  it('a scheduled send is held by the server until its time, and can be rescheduled or cancelled', async () => {
    const count = relay.received.length;
    const at = (s: number) => new Date(h.clock.now + s * 1000).toISOString();
    assert.equal(
      (await send({ messageId: 'later-1', to: ['bob@customer.example'], sendAt: at(3600) })).statusCode,
      202,
    );
    assert.equal((await send({ messageId: 'later-2', to: ['cy@customer.example'], sendAt: at(3600) })).statusCode, 202);
    await runScheduler();
    assert.equal(relay.received.length, count, 'nothing leaves before its time');
    const patch = await h.server.app.inject({
      method: 'PATCH',
      url: '/v1/send/later-1',
      headers: h.auth,
      payload: { sendAt: at(60) },
    });
    assert.equal(patch.statusCode, 200);
    const del = await h.server.app.inject({ method: 'DELETE', url: '/v1/send/later-2', headers: h.auth });
    assert.equal(del.statusCode, 200);
    assert.equal(del.json().status, 'cancelled');
    h.clock.now += 61_000;
    await runScheduler();
    assert.deepEqual(
      relay.received.slice(count).map((m) => m.to),
      [['bob@customer.example']],
    );
    const late = await h.server.app.inject({ method: 'DELETE', url: '/v1/send/later-1', headers: h.auth });
    assert.equal(late.statusCode, 409, 'a sent mail can no longer be cancelled');
    assert.equal(
      (await h.server.app.inject({ method: 'DELETE', url: '/v1/send/never', headers: h.auth })).statusCode,
      404,
    );
  });

  it('posting the same send twice sends it once', async () => {
    const count = relay.received.length;
    await send({ messageId: 'twice', to: ['dee@customer.example'] });
    await send({ messageId: 'twice', to: ['dee@customer.example'] });
    await runScheduler();
    await runScheduler();
    assert.equal(relay.received.length, count + 1);
  });
});

describe(`bounce and complaint intake over SMTP (${backend})`, () => {
  let h: Harness;
  let intake: BounceIntake;
  before(async () => {
    h = await startHarness();
    intake = await openBounceIntake(h);
  });
  after(async () => {
    await intake.close();
    await h.close();
  });
  const deliver = (raw: string | Buffer, to: string) => intake.deliver(raw, to);

  it('a DSN to the VERP address becomes a hard bounce event for that message', async () => {
    const m = await h.register('dsn-1');
    const token = m.pixel.slice(3, -4);
    await deliver(readFileSync(`${fixtures}dsn/sisimai-rfc3464-01.eml`, 'utf8'), `b+${token}@bounce.example.test`);
    const bounce = (await h.events()).events.find((e) => e.messageId === 'dsn-1');
    assert.equal(bounce?.type, 'bounce');
    assert.equal(bounce?.reason, 'bounce: hard bounce, userUnknown (5.1.1)');
    assert.match(String(bounce?.detail), /userunknown@bouncehammer\.jp: 5\.1\.1/);
  });

  it('a delayed DSN becomes a deferred event; a 5.7.x refusal is a soft bounce, not spam', async () => {
    const m = await h.register('dsn-2');
    const token = m.pixel.slice(3, -4);
    await deliver(
      readFileSync(`${fixtures}dsn/sisimai-lhost-outlook-06-delayed.eml`, 'utf8'),
      `b+${token}@bounce.example.test`,
    );
    await deliver(
      readFileSync(`${fixtures}dsn/sisimai-rhost-google-03-5.7.26.eml`, 'utf8'),
      `b+${token}@bounce.example.test`,
    );
    const events = (await h.events()).events.filter((e) => e.messageId === 'dsn-2');
    assert.deepEqual(
      events.map((e) => [e.type, e.reason, e.reasonCode, e.reasonParams]),
      [
        [
          'deferred',
          'deferred: delivery delayed, unknown (4.4.7)',
          'deferred.delayedReason',
          { reason: 'unknown', status: '4.4.7' },
        ],
        // An SPF refusal: the sender was refused, the address lives (sisimai: a soft bounce).
        [
          'deferred',
          'deferred: soft bounce, policy (5.7.26); the address stays valid',
          'deferred.softBounce',
          { reason: 'policy', status: '5.7.26' },
        ],
      ],
    );
  });

  it('an ARF abuse report quoting our Message-ID becomes a complaint; opt-out and auth-failure do not', async () => {
    const m = await h.register('arf-1');
    const token = m.pixel.slice(3, -4);
    const quoteOurs = (raw: string) =>
      raw
        .replace(/^(Message-I[dD]:).*$/m, `$1 <${token}@bounce.example.test>`)
        .replace(
          /(Content-Type: (?:message\/rfc822|text\/rfc822-headers?)\s*\r?\n(?:.*\r?\n)*?\r?\n)/i,
          `$1Message-ID: <${token}@bounce.example.test>\n`,
        );
    for (const file of [
      'sisimai-arf-02-yahoo.eml',
      'sisimai-arf-12-optout.eml',
      'sisimai-arf-18-authfailure.eml',
      'sisimai-arf-22-hotmail-jmrp.eml',
    ]) {
      await deliver(quoteOurs(readFileSync(`${fixtures}arf/${file}`, 'utf8')), 'fbl@bounce.example.test');
    }
    const events = (await h.events()).events.filter((e) => e.messageId === 'arf-1');
    assert.deepEqual(
      events.map((e) => e.reason),
      ['complaint: marked as spam (ARF abuse report)', 'complaint: marked as spam (Microsoft JMRP)'],
    );
    assert.deepEqual(
      events.map((e) => e.reasonCode),
      ['complaint.arf', 'complaint.jmrp'],
    );
    assert.match(String(events[0]?.detail), /this-local-part-does-not-exist-on-yahoo@yahoo\.com/);
  });

  it('mail for other domains is refused (no open relay)', async () => {
    await assert.rejects(
      deliver('Subject: hi\r\n\r\nhello', 'someone@gmail.com'),
      (e: { responseCode?: number }) => e.responseCode === 550,
    );
  });

  it('every sample is accepted by the listener', async () => {
    for (const dir of ['dsn', 'arf']) {
      for (const file of readdirSync(`${fixtures}${dir}`).filter((f) => f.endsWith('.eml'))) {
        const answer = await deliver(readFileSync(`${fixtures}${dir}/${file}`, 'utf8'), 'fbl@bounce.example.test');
        assert.match(answer, /^250/, file);
      }
    }
  });
});
