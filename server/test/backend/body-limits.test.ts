import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { defaultConfig } from '../../src/config.ts';
import { NO_BODY_LIMIT, REGISTER_BODY_LIMIT, SMALL_BODY_LIMIT, sendBodyLimit } from '../../src/http/body-limits.ts';
import { backend } from '../support/backend.ts';
import { type Harness, startHarness } from '../support/harness.ts';

// Every route takes a body as large as what it carries, and says so when one is larger. A send is a
// mail: MAX_SEND_BYTES of html and text, stored whole, and read off the thread answering pixels.

const MAIL = defaultConfig.maxSendBytes;
const SEND_LIMIT = sendBodyLimit(MAIL);

/** A JSON body of exactly `bytes` bytes. */
const jsonOf = (bytes: number) => `{"x":"${'a'.repeat(bytes - 8)}"}`;

/** html and text together exactly `bytes` long in UTF-8, with what JSON must escape or encode. */
function mailOf(bytes: number): { html: string; text: string } {
  const text = 'Grüße — "quoted", back\\slash\nnew line\t';
  const paragraph = '<p class="x">Café crème: <a href="https://example.com/?a=1&b=2">link</a></p>\n';
  const htmlBytes = bytes - Buffer.byteLength(text);
  const count = Math.floor(htmlBytes / Buffer.byteLength(paragraph));
  const html = paragraph.repeat(count);
  return { html: html + 'x'.repeat(htmlBytes - Buffer.byteLength(html)), text };
}

const sendOf = (messageId: string, mail: { html: string; text: string }) => ({
  messageId,
  from: 'rep@sales.example',
  to: ['ann@customer.example'],
  subject: 'Proposal',
  ...mail,
});

async function listening(h: Harness): Promise<number> {
  await h.server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = h.server.app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** Writes `head`, then lets `feed` write on; resolves with the answer once the server closes the socket. */
function rawExchange(port: number, head: string, feed?: (socket: Socket) => void) {
  return new Promise<{ answer: string; closed: boolean }>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      feed?.(socket);
    });
    let answer = '';
    socket.on('data', (d) => {
      answer += d.toString();
    });
    socket.on('error', () => {});
    // Generous: on a loaded machine the niced mail process takes a 20 MB body in slowly, and a
    // server that never answers is still told apart.
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ answer, closed: false });
    }, 30_000);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ answer, closed: true });
    });
  });
}

describe(`body limits (${backend})`, () => {
  let h: Harness;
  let port: number;
  before(async () => {
    h = await startHarness();
    port = await listening(h);
  });
  after(async () => {
    await h.close();
  });

  it('a body over its route’s limit gets a 413 that names the limit; one at the limit is read', async () => {
    const routes: [string, string, number][] = [
      ['POST', '/v1/messages', REGISTER_BODY_LIMIT],
      ['POST', '/v1/messages/m-1/tracking', SMALL_BODY_LIMIT],
      ['POST', '/v1/self-view', SMALL_BODY_LIMIT],
      ['PATCH', '/v1/send/m-1', SMALL_BODY_LIMIT],
      ['DELETE', '/v1/send/m-1', NO_BODY_LIMIT],
      ['POST', '/v1/send', SEND_LIMIT],
    ];
    for (const [method, url, limit] of routes) {
      const headers = { ...h.auth, 'content-type': 'application/json' };
      const over = await h.server.app.inject({ method: method as 'POST', url, headers, payload: jsonOf(limit + 1) });
      assert.equal(over.statusCode, 413, `${method} ${url}`);
      assert.deepEqual(over.json().error, {
        code: 'body_too_large',
        message: `the request body is too large: the limit for this route is ${limit} bytes`,
      });
      const at = await h.server.app.inject({ method: method as 'POST', url, headers, payload: jsonOf(limit) });
      assert.notEqual(at.statusCode, 413, `${method} ${url} at its limit: ${at.body.slice(0, 200)}`);
    }
  });

  it('registering a message at every maximum of its schema fits its limit', async () => {
    const res = await h.server.app.inject({
      method: 'POST',
      url: '/v1/messages',
      headers: h.auth,
      payload: {
        messageId: 'm'.repeat(200),
        sentAt: '2026-11-20T09:00:00.000+00:00',
        recipients: Array.from({ length: 500 }, (_, i) => `${i}@${'r'.repeat(311 - String(i).length)}.example`),
        links: Array.from({ length: 500 }, (_, i) => `https://example.com/${i}/${'p'.repeat(4070)}`.slice(0, 4096)),
        track: true,
      },
    });
    assert.equal(res.statusCode, 201, res.body.slice(0, 200));
  });

  it('a mail of exactly MAX_SEND_BYTES is accepted and stored whole', async () => {
    const mail = mailOf(MAIL);
    const res = await h.server.app.inject({
      method: 'POST',
      url: '/v1/send',
      headers: h.auth,
      payload: sendOf('big-1', mail),
    });
    assert.equal(res.statusCode, 202, res.body.slice(0, 200));
    assert.equal(res.json().status, 'scheduled');
    const job = await h.server.repo.findSend(h.accountId, 'big-1');
    assert.ok(job);
    const stored = await h.server.repo.findSendContent(job.id);
    assert.ok(stored?.html === mail.html, 'the stored html is the html sent');
    assert.equal(stored?.text, mail.text);
  });

  it('a mail one byte over MAX_SEND_BYTES is refused with a 413 naming the limit, and nothing is stored', async () => {
    const res = await h.server.app.inject({
      method: 'POST',
      url: '/v1/send',
      headers: h.auth,
      payload: sendOf('big-2', mailOf(MAIL + 1)),
    });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().error.code, 'body_too_large');
    assert.match(
      res.json().error.message,
      new RegExp(`is ${MAIL + 1} bytes: the limit for this route is ${MAIL} bytes`),
    );
    assert.equal(await h.server.repo.findSend(h.accountId, 'big-2'), null);
    assert.equal(await h.server.repo.findMessage(h.accountId, 'big-2'), null);
  });

  it('a large send that is not JSON gets a 400, and a wrong one the same 400 answers as any other route', async () => {
    const cut = JSON.stringify(sendOf('big-3', mailOf(MAIL / 2))).slice(0, -2);
    const malformed = await h.server.app.inject({
      method: 'POST',
      url: '/v1/send',
      headers: { ...h.auth, 'content-type': 'application/json' },
      payload: cut,
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error.code, 'bad_request');
    assert.match(malformed.json().error.message, /^the body is not JSON/);
    const wrong: [Record<string, unknown> | string, string][] = [
      [{ ...sendOf('w-1', mailOf(100)), to: [] }, 'body/to must NOT have fewer than 1 items'],
      [{ ...sendOf('w-2', mailOf(100)), admin: true }, 'body must NOT have additional properties'],
      [{ ...sendOf('w-3', mailOf(100)), html: undefined }, "body must have required property 'html'"],
      [{ ...sendOf('w-4', mailOf(100)), sendAt: 'tomorrow' }, 'body/sendAt must match format "date-time"'],
      ['', 'body must be object'],
    ];
    for (const [payload, message] of wrong) {
      const res = await h.server.app.inject({
        method: 'POST',
        url: '/v1/send',
        headers: { ...h.auth, 'content-type': 'application/json' },
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json().error, { code: 'invalid_request', message });
    }
    assert.equal(await h.server.repo.findSend(h.accountId, 'big-3'), null);
  });

  it('a declared Content-Length over the limit is answered at once, without the body, and the connection closed', async () => {
    const head = `POST /v1/send HTTP/1.1\r\nHost: x\r\nAuthorization: ${h.auth.authorization}\r\nContent-Type: application/json\r\nContent-Length: ${SEND_LIMIT + 1}\r\n\r\n`;
    const { answer, closed } = await rawExchange(port, head);
    assert.match(answer, /^HTTP\/1\.1 413/);
    assert.match(answer, /the limit for this route is \d+ bytes/);
    assert.equal(closed, true, 'the server closed the connection, though no body came');
  });

  it('a chunked body is refused with a 413 as soon as it passes the limit, and the connection closed', async () => {
    const head = `POST /v1/send HTTP/1.1\r\nHost: x\r\nAuthorization: ${h.auth.authorization}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const chunk = 'a'.repeat(64 * 1024);
    let sent = 0;
    const { answer, closed } = await rawExchange(port, head, (socket) => {
      const more = () => {
        // Twice the limit at most: a server that read on would be seen not answering.
        while (!socket.destroyed && sent <= 2 * SEND_LIMIT) {
          sent += chunk.length;
          if (!socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)) return socket.once('drain', more);
        }
      };
      more();
    });
    assert.match(answer, /^HTTP\/1\.1 413/);
    assert.equal(closed, true);
    assert.ok(sent <= 2 * SEND_LIMIT, `answered before the client had sent twice the limit (${sent} bytes)`);
  });

  it('while a large send is being taken in, a pixel asked for after it is answered before it', async () => {
    const body = Buffer.from(JSON.stringify(sendOf('big-4', mailOf(MAIL))));
    const order: string[] = [];
    const send = new Promise<number>((resolve) => {
      const req = request(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/v1/send',
          headers: { ...h.auth, 'content-type': 'application/json', 'content-length': body.length },
        },
        (res) => {
          order.push('send');
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      // Once the whole body is on its way, the server is reading or parsing it.
      req.end(body, async () => {
        const pixel = await fetch(`http://127.0.0.1:${port}/o/0123456789abcdef0123456789abcdef.gif`);
        order.push(`pixel ${pixel.status}`);
      });
    });
    assert.equal(await send, 202);
    while (order.length < 2) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(order, ['pixel 200', 'send']);
  });
});

describe(`large sends at once (${backend})`, () => {
  let h: Harness;
  let port: number;
  // A small mail limit keeps the bodies small; the budget is two bodies of the route's limit.
  const maxSendBytes = 16 * 1024;
  const head = (length: number) =>
    `POST /v1/send HTTP/1.1\r\nHost: x\r\nAuthorization: ${h.auth.authorization}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
  before(async () => {
    h = await startHarness({ maxSendBytes });
    port = await listening(h);
  });
  after(async () => {
    await h.close();
  });

  it('beyond two of the largest bodies at once a send is turned away with a 503, unread; the room comes back', async (t) => {
    const limit = sendBodyLimit(maxSendBytes);
    // Two uploads declaring the largest body, which send their headers and then nothing.
    const held = [connect(port, '127.0.0.1'), connect(port, '127.0.0.1')];
    for (const socket of held) {
      socket.on('error', () => {});
      socket.write(head(limit));
    }
    t.after(() => {
      for (const socket of held) socket.destroy();
    });
    // Time for both to pass the API key check and reach the handler.
    await new Promise((r) => setTimeout(r, 300));
    const whole = JSON.stringify(sendOf('third', mailOf(1000)));
    const third = await rawExchange(port, head(Buffer.byteLength(whole)) + whole);
    assert.match(third.answer, /^HTTP\/1\.1 503/);
    assert.match(third.answer, /retry-after: 5/i);
    assert.match(third.answer, /"code":"busy"/);
    assert.equal(third.closed, true);
    assert.equal(await h.server.repo.findSend(h.accountId, 'third'), null);
    // The held uploads give up: cut off, their room is given back.
    for (const socket of held) socket.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const next = await h.server.app.inject({
      method: 'POST',
      url: '/v1/send',
      headers: h.auth,
      payload: sendOf('after-1', mailOf(1000)),
    });
    assert.equal(next.statusCode, 202, next.body);
  });
});
