// The pixel's latency for normal clients while slow clients attack: 200 connections from another
// address sending their headers a byte a second (and reconnecting when dropped). Loopback only,
// about 20 s. Usage: npm run bench:slow-clients [-- --no-defence] (the old settings, to compare:
// no per-address cap, headers and keep-alive allowed an hour).

import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, pixelLoad, start } from './bench-process.ts';

const SLOW_CLIENTS = 200;
const DURATION = 6;

/** Slow clients from 127.0.0.2 (any 127/8 address is loopback on Linux), kept at SLOW_CLIENTS. */
function slowAttack(port: number) {
  const sockets = new Set<Socket>();
  let dropped = 0;
  let stopped = false;
  const request = 'GET /o/0123456789abcdef0123456789abcdef.gif HTTP/1.1\r\nHost: x\r\nUser-Agent: slow-loris';
  const one = () => {
    if (stopped) return;
    const socket = connect({ port, host: '127.0.0.1', localAddress: '127.0.0.2' });
    let sent = 0;
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write(request[sent++ % request.length]!);
    }, 1000);
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(drip);
      sockets.delete(socket);
      dropped++;
      setTimeout(one, 100);
    });
  };
  for (let k = 0; k < SLOW_CLIENTS; k++) one();
  return {
    stop() {
      stopped = true;
      for (const socket of sockets) socket.destroy();
    },
    open: () => sockets.size,
    dropped: () => dropped,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'icc-slow-'));
const port = await freePort();
const noDefence = process.argv.includes('--no-defence')
  ? { MAX_CONNECTIONS_PER_ADDRESS: '0', HEADERS_TIMEOUT_SECONDS: '3600', KEEP_ALIVE_TIMEOUT_SECONDS: '3600' }
  : {};
const server = await start('src/main.ts', {
  PORT: String(port),
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  RATE_LIMIT_PER_MINUTE: '100000000',
  ...noDefence,
});
try {
  await pixelLoad(port, DURATION); // warm-up
  const quiet = await pixelLoad(port, DURATION);
  const attack = slowAttack(port);
  await new Promise((r) => setTimeout(r, 1000));
  const during = await pixelLoad(port, DURATION);
  const openAtEnd = attack.open();
  const dropped = attack.dropped();
  attack.stop();
  console.log('| pixel, normal clients (20 connections, 1,000 req/s) | p50 | p99 | max | errors |');
  console.log('|---|---|---|---|---|');
  console.log(`| quiet | ${quiet.p50} ms | ${quiet.p99} ms | ${quiet.max} ms | ${quiet.errors} |`);
  console.log(
    `| ${SLOW_CLIENTS} slow clients from one other address (a byte a second, reconnecting) | ${during.p50} ms | ${during.p99} ms | ${during.max} ms | ${during.errors} |`,
  );
  console.log(
    `\nslow connections open at the end: ${openAtEnd}; dropped by the server during the run: ${dropped}; p99 ratio ${(during.p99 / Math.max(quiet.p99, 1)).toFixed(2)}× (target ≤ 2×)`,
  );
} finally {
  const exited = new Promise((done) => server.once('exit', done));
  server.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
}
