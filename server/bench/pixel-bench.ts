// Load benchmark of the pixel route, recording on, beside a bare node:http server in the same run.
// Loopback only, bounded: about two minutes in all. Usage: npm run bench [-- --duration 8]

import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import autocannon from 'autocannon';
import { openStorage } from '../src/storage/open-storage.ts';
import { createTokenCodec } from '../src/tracking/tokens.ts';
import { freePort, start } from './bench-process.ts';

const argDuration = process.argv.indexOf('--duration');
const DURATION = argDuration > 0 ? Number(process.argv[argDuration + 1]) : 8;
const ROUNDS = 2;
const CONNECTIONS = 100;
const RATE = 2000;
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 3000);

const UA = 'Outlook-iOS/665.29827.prod.iphone (2.63.0)';

interface Load {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  errors: number;
}

async function autocannonLoad(
  url: string,
  options: { duration: number; connections: number; rate?: number },
): Promise<Load> {
  const result = await autocannon({
    url,
    duration: options.duration,
    connections: options.connections,
    ...(options.rate !== undefined ? { overallRate: options.rate } : {}),
    headers: { 'user-agent': UA },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

const ms = (text: string | undefined) => {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? '');
  return m ? Number(m[1]) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 } as Record<string, number>)[m[2] ?? 'ms']! : NaN;
};

/** wrk (C, one thread) costs the machine a fraction of what autocannon does, which leaves the server the cores it would have. */
function wrkLoad(url: string, options: { duration: number; connections: number }): Promise<Load> {
  return new Promise((resolve, reject) => {
    execFile(
      'wrk',
      ['-t1', `-c${options.connections}`, `-d${options.duration}s`, '--latency', '-H', `user-agent: ${UA}`, url],
      (error, out) => {
        if (error) return reject(error);
        const total = Number(/(\d+) requests in/.exec(out)?.[1]);
        const errors =
          [...out.matchAll(/(?:connect|read|write|timeout) (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0) +
          Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
        const p99 = ms(/99%\s+(\S+)/.exec(out)?.[1]);
        if (Number.isNaN(p99)) console.log(`  (wrk printed no readable p99:)\n${out}`);
        resolve({
          rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
          p50: ms(/50%\s+(\S+)/.exec(out)?.[1]),
          p99,
          total,
          errors,
        });
      },
    );
  });
}

const hasWrk = spawnSync('wrk', ['--version']).error === undefined;

const dataDir = mkdtempSync(join(tmpdir(), 'icc-bench-'));
const repo = await openStorage({ databaseUrl: '', dataDir });
const accountId = await repo.createAccount('bench', Date.now());
const token = createTokenCodec('').mint();
await repo.insertMessage(
  { accountId, messageId: 'bench', token, sentAt: Date.now() - 3_600_000, tracking: true, recipients: [], links: [] },
  Date.now(),
);
await repo.close();

const barePort = await freePort();
const ourPort = await freePort();
const bare = await start('bench/bare-server.ts', { PORT: String(barePort) });
// The rate limit stays in the path but far above what one loopback client sends.
const ours = await start('src/main.ts', {
  PORT: String(ourPort),
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  RATE_LIMIT_PER_MINUTE: '100000000',
  // wrk's connections all come from loopback but stand for many clients.
  MAX_CONNECTIONS_PER_ADDRESS: '0',
});
/**
 * Hits are answered once journaled and written as events by a worker thread: a throughput that
 * left the writer ever further behind would not be one the server can keep. After each round this
 * waits until the events table stops growing and reports when it last grew.
 */
async function writerCatchUp(): Promise<number> {
  const db = new DatabaseSync(join(dataDir, 'icc.sqlite'), { readOnly: true });
  try {
    // The writer rests 250 ms between batches once it has caught up: no new row for 600 ms is
    // done, and the time of the last new row is when it caught up.
    const started = performance.now();
    let last = -1;
    let lastChange = started;
    while (performance.now() - lastChange < 600) {
      const { n } = db.prepare('SELECT MAX(id) AS n FROM events').get() as { n: number };
      if (n !== last) {
        if (last !== -1) lastChange = performance.now();
        last = n;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return Math.round(lastChange - started);
  } finally {
    db.close();
  }
}

const OURS = 'our pixel, recording on';
const targets = {
  'node:http (bare)': `http://127.0.0.1:${barePort}/o/${token}.gif`,
  [OURS]: `http://127.0.0.1:${ourPort}/o/${token}.gif`,
};

try {
  // Throughput under as much load as 100 connections give, with each client in turn: wrk measures
  // the servers, autocannon (Node, as heavy as the server it loads) the two sharing the cores with it.
  const clients = hasWrk ? { wrk: wrkLoad, autocannon: autocannonLoad } : { autocannon: autocannonLoad };
  if (!hasWrk)
    console.log(
      'wrk not found (apt-get install -y wrk): autocannon only, which takes a core of its own from the servers',
    );
  const rows: Record<string, Record<string, { rps: number[]; p99: number[]; errors: number; total: number }>> = {};
  for (const [client, load] of Object.entries(clients)) {
    console.log(
      `${client}: warm-up 2 s each; then ${ROUNDS} rounds × ${DURATION} s, ${CONNECTIONS} connections, alternating servers`,
    );
    for (const url of Object.values(targets)) await load(url, { duration: 2, connections: CONNECTIONS });
    const byServer: Record<string, { rps: number[]; p99: number[]; errors: number; total: number }> = {};
    rows[client] = byServer;
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, url] of Object.entries(targets)) {
        const r = await load(url, { duration: DURATION, connections: CONNECTIONS });
        byServer[name] ??= { rps: [], p99: [], errors: 0, total: 0 };
        const row = byServer[name];
        row.rps.push(r.rps);
        row.p99.push(r.p99);
        row.errors += r.errors;
        row.total += r.total;
        const lag = name === OURS ? ` — writer caught up ${await writerCatchUp()} ms after the load stopped` : '';
        // Let our server's checkpoint of this round finish before the bare server's next round.
        if (name === OURS) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        console.log(
          `  round ${round + 1} ${name}: ${Math.round(r.rps)} req/s, p99 ${r.p99} ms, errors ${r.errors}${lag}`,
        );
      }
    }
  }
  // Latency at a steady 2,000 req/s: autocannon holds a fixed rate, wrk cannot.
  const steady: Record<string, Load> = {};
  for (const [name, url] of Object.entries(targets))
    steady[name] = await autocannonLoad(url, { duration: DURATION, connections: 50, rate: RATE });
  // The same steady load while two busy loops compete for the 2 cores (as when other jobs share the machine).
  const burners = Array.from({ length: 2 }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  const contended: Record<string, Load> = {};
  try {
    for (const [name, url] of Object.entries(targets))
      contended[name] = await autocannonLoad(url, { duration: DURATION, connections: 50, rate: RATE });
  } finally {
    for (const burner of burners) burner.kill();
  }

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `\n| client | server | req/s (mean of ${ROUNDS} × ${DURATION} s, range) | p99 at max load | p99 at ${RATE} req/s | p50 at ${RATE} req/s | errors |`,
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const [client, byServer] of Object.entries(rows)) {
    for (const [name, row] of Object.entries(byServer)) {
      const s = steady[name];
      console.log(
        `| ${client} | ${name} | ${Math.round(mean(row.rps))} (${Math.round(Math.min(...row.rps))}–${Math.round(Math.max(...row.rps))}) | ${Math.max(...row.p99)} ms | ${s?.p99} ms | ${s?.p50} ms | ${row.errors + (s?.errors ?? 0)} |`,
      );
    }
  }
  console.log('');
  for (const [client, byServer] of Object.entries(rows)) {
    const ratio = mean(byServer[OURS]?.rps ?? [0]) / mean(byServer['node:http (bare)']?.rps ?? [1]);
    console.log(`pixel/bare throughput with ${client}: ${(ratio * 100).toFixed(0)} % (target ≥ 70 %)`);
  }
  console.log(`p99 at ${RATE} req/s: ${steady[OURS]?.p99} ms (target ≤ 20 ms)`);
  for (const [name, r] of Object.entries(contended))
    console.log(
      `  with two busy loops beside it, ${name}: p50 ${r.p50} ms, p99 ${r.p99} ms, ${Math.round(r.rps)} req/s`,
    );
  const check = await openStorage({ databaseUrl: '', dataDir });
  ours.kill('SIGTERM');
  await new Promise((r) => ours.once('exit', r));
  const recorded = await (check as unknown as { db: { all(sql: string): Promise<{ n: number }[]> } }).db.all(
    'SELECT COUNT(*) AS n FROM events',
  );
  const answered =
    Object.values(rows).reduce((n, byServer) => n + (byServer[OURS]?.total ?? 0), 0) +
    (steady[OURS]?.total ?? 0) +
    (contended[OURS]?.total ?? 0);
  console.log(
    `hits recorded in SQLite: ${recorded[0]?.n} (answered in the measured runs: ${answered}, plus the warm-up)`,
  );
  await check.close();
} finally {
  bare.kill('SIGTERM');
  if (ours.exitCode === null) ours.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
