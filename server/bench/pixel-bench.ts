// Load benchmark of the pixel route, recording on, beside a bare node:http server in the same run.
// Loopback only, bounded: about a minute in all. Usage: npm run bench [-- --duration 8]
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '../src/storage/open-storage.ts';
import { createTokenCodec } from '../src/tracking/tokens.ts';

const argDuration = process.argv.indexOf('--duration');
const DURATION = argDuration > 0 ? Number(process.argv[argDuration + 1]) : 8;
const ROUNDS = 2;
const CONNECTIONS = 100;
const RATE = 2000;
const root = new URL('..', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function start(entry: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, entry)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => { out += d.toString(); });
  while (!out.includes('listening on')) {
    if (child.exitCode !== null) throw new Error(`${entry} exited:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

async function load(url: string, options: { duration: number; connections: number; rate?: number }) {
  const result = await autocannon({ url, duration: options.duration, connections: options.connections, overallRate: options.rate, headers: { 'user-agent': 'Outlook-iOS/665.29827.prod.iphone (2.63.0)' } });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total, errors: result.errors + result.non2xx + result.timeouts };
}

const dataDir = mkdtempSync(join(tmpdir(), 'icc-bench-'));
const repo = await openStorage({ databaseUrl: '', dataDir });
const accountId = await repo.createAccount('bench', Date.now());
const token = createTokenCodec('').mint();
await repo.insertMessage({ accountId, messageId: 'bench', token, sentAt: Date.now() - 3_600_000, tracking: true, recipients: [], links: [] }, Date.now());
await repo.close();

const barePort = await freePort();
const ourPort = await freePort();
const bare = await start('bench/bare-server.ts', { PORT: String(barePort) });
// The rate limit stays in the path but far above what one loopback client sends.
const ours = await start('src/main.ts', { PORT: String(ourPort), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', RATE_LIMIT_PER_MINUTE: '100000000' });
const targets = { 'node:http (bare)': `http://127.0.0.1:${barePort}/o/${token}.gif`, 'fastify pixel, recording on': `http://127.0.0.1:${ourPort}/o/${token}.gif` };

try {
  console.log(`warm-up 2 s each; then ${ROUNDS} rounds × ${DURATION} s, ${CONNECTIONS} connections, alternating servers`);
  for (const url of Object.values(targets)) await load(url, { duration: 2, connections: CONNECTIONS });
  const rows: Record<string, { rps: number[]; p99: number[]; errors: number; total: number }> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, url] of Object.entries(targets)) {
      const r = await load(url, { duration: DURATION, connections: CONNECTIONS });
      const row = (rows[name] ??= { rps: [], p99: [], errors: 0, total: 0 });
      row.rps.push(r.rps);
      row.p99.push(r.p99);
      row.errors += r.errors;
      row.total += r.total;
      console.log(`  round ${round + 1} ${name}: ${Math.round(r.rps)} req/s, p99 ${r.p99} ms, errors ${r.errors}`);
    }
  }
  const steady: Record<string, Awaited<ReturnType<typeof load>>> = {};
  for (const [name, url] of Object.entries(targets)) steady[name] = await load(url, { duration: DURATION, connections: 50, rate: RATE });

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const bareRps = mean(rows['node:http (bare)']?.rps ?? [1]);
  console.log(`\n| server | req/s (mean of ${ROUNDS} × ${DURATION} s, range) | p99 at max load | p99 at ${RATE} req/s | p50 at ${RATE} req/s | errors |`);
  console.log('|---|---|---|---|---|---|');
  for (const [name, row] of Object.entries(rows)) {
    const s = steady[name];
    console.log(`| ${name} | ${Math.round(mean(row.rps))} (${Math.round(Math.min(...row.rps))}–${Math.round(Math.max(...row.rps))}) | ${Math.max(...row.p99)} ms | ${s?.p99} ms | ${s?.p50} ms | ${row.errors + (s?.errors ?? 0)} |`);
  }
  const ratio = mean(rows['fastify pixel, recording on']?.rps ?? [0]) / bareRps;
  const p99 = steady['fastify pixel, recording on']?.p99 ?? Infinity;
  console.log(`\nfastify/bare throughput: ${(ratio * 100).toFixed(0)} % (target ≥ 70 %); p99 at ${RATE} req/s: ${p99} ms (target ≤ 20 ms)`);
  const check = await openStorage({ databaseUrl: '', dataDir });
  ours.kill('SIGTERM');
  await new Promise((r) => ours.once('exit', r));
  const recorded = await (check as unknown as { db: { all(sql: string): Promise<{ n: number }[]> } }).db.all('SELECT COUNT(*) AS n FROM events');
  const answered = (rows['fastify pixel, recording on']?.total ?? 0) + (steady['fastify pixel, recording on']?.total ?? 0);
  console.log(`hits recorded in SQLite: ${recorded[0]?.n} (answered in the measured runs: ${answered}, plus the warm-up)`);
  await check.close();
} finally {
  bare.kill('SIGTERM');
  if (ours.exitCode === null) ours.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
