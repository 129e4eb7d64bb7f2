import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import { backend } from '../support/backend.ts';
import { type Harness, startHarness } from '../support/harness.ts';

// Slow or idle clients must not hold the sockets everyone else's pixels need: headers must arrive
// in time, idle keep-alive connections go, and one address holds a bounded number of connections.

async function listening(h: Harness): Promise<{ port: number }> {
  await h.server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = h.server.app.server.address();
  return { port: typeof address === 'object' && address ? address.port : 0 };
}

/** Opens a socket and resolves when the server has closed it (or after `ms`, with false). */
function closedWithin(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

const open = (port: number) =>
  new Promise<Socket>((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => done(socket));
    socket.once('error', fail);
  });

describe(`slow and idle clients (${backend})`, () => {
  it('a client sending its headers a byte at a time is dropped after the headers timeout; a normal pixel is still answered', async () => {
    const h = await startHarness({ headersTimeoutSeconds: 1 });
    try {
      const { port } = await listening(h);
      const slow = await open(port);
      slow.on('error', () => {});
      const request = 'GET /o/0123456789abcdef0123456789abcdef.gif HTTP/1.1\r\nHost: x\r\nUser-Agent: slow';
      let sent = 0;
      const drip = setInterval(() => {
        if (sent < request.length && !slow.destroyed) slow.write(request[sent++]!);
      }, 100);
      const closed = closedWithin(slow, 4_000);
      const pixel = await fetch(`http://127.0.0.1:${port}/o/0123456789abcdef0123456789abcdef.gif`);
      assert.equal(pixel.status, 200);
      assert.equal(await closed, true, 'the slow client was dropped');
      clearInterval(drip);
      assert.ok(sent < request.length, `it was cut off before its headers were complete (${sent} bytes)`);
    } finally {
      await h.close();
    }
  });

  it('a headers timeout longer than node’s default request timeout (300 s) still starts the server', async () => {
    const h = await startHarness({ headersTimeoutSeconds: 600 });
    try {
      const { port } = await listening(h);
      assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
    } finally {
      await h.close();
    }
  });

  it('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const h = await startHarness({ keepAliveTimeoutSeconds: 1 });
    try {
      const { port } = await listening(h);
      const socket = await open(port);
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      await new Promise((done) => socket.once('data', done));
      assert.equal(await closedWithin(socket, 3_000), true);
    } finally {
      await h.close();
    }
  });

  it('one address holds at most MAX_CONNECTIONS_PER_ADDRESS connections; the others are refused at once, and freed slots serve again', async () => {
    const h = await startHarness({ maxConnectionsPerAddress: 3 });
    try {
      const { port } = await listening(h);
      const held = [await open(port), await open(port), await open(port)];
      const extra = await open(port);
      extra.on('error', () => {});
      assert.equal(await closedWithin(extra, 1_000), true, 'the fourth connection is closed');
      for (const socket of held) socket.destroy();
      await new Promise((done) => setTimeout(done, 100));
      const pixel = await fetch(`http://127.0.0.1:${port}/o/0123456789abcdef0123456789abcdef.gif`);
      assert.equal(pixel.status, 200);
    } finally {
      await h.close();
    }
  });

  it('behind a proxy (TRUST_PROXY) every connection comes from the proxy: no cap per address', async () => {
    const h = await startHarness({ maxConnectionsPerAddress: 2, trustProxy: true });
    try {
      const { port } = await listening(h);
      const held = [await open(port), await open(port), await open(port)];
      const third = held[2]!;
      assert.equal(await closedWithin(third, 500), false, 'the third connection stays open');
      for (const socket of held) socket.destroy();
    } finally {
      await h.close();
    }
  });
});
