// The pixel's latency, and the server's memory, while a rep's client (large-send-client.ts) POSTs
// 10 MB sends to /v1/send, one a second; the sends go out through an SMTP sink (smtp-sink.ts), so
// building and streaming each mail is part of the run. Loopback only, about 40 s.
// Usage: npm run bench:large-send [-- --sink-at-server-priority]

import { mkdtempSync, rmSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { generateApiKey, hashApiKey } from '../src/accounts/api-keys.ts';
import { openStorage } from '../src/storage/open-storage.ts';
import { freePort, pixelLoad, rssMegabytes, start } from './bench-process.ts';
import type { ClientData, SendAnswer } from './large-send-client.ts';

const DURATION = 8;
const SENDS = 8;
/** html and text of 5,000,000 characters each: the largest parts the old schema took. */
const PART_CHARS = 5_000_000;

/** A rep account made straight in storage, as `npm run cli -- create-account` does. */
async function createAccount(dataDir: string): Promise<string> {
  const repo = await openStorage({ databaseUrl: '', dataDir });
  const key = generateApiKey();
  await repo.addApiKey(await repo.createAccount('Bench Rep', Date.now()), hashApiKey(key), 'bench', Date.now());
  await repo.close();
  return key;
}

/** The rep's client on its thread (large-send-client.ts), its bodies built; `go` starts the sends. */
async function startClient(port: number, key: string) {
  const data: ClientData = { port, key, sends: SENDS, partChars: PART_CHARS };
  const worker = new Worker(new URL('./large-send-client.ts', import.meta.url), { workerData: data });
  const ready = await new Promise<{ bytes: number }>((resolve) => worker.once('message', resolve));
  return {
    bytes: ready.bytes,
    go: () => {
      const done = new Promise<{ answers: SendAnswer[] }>((resolve) => worker.once('message', resolve));
      worker.postMessage('go');
      return done.then(async ({ answers }) => {
        await worker.terminate();
        return answers;
      });
    },
  };
}

const sentCount = (file: string) => {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return Number((db.prepare("SELECT count(*) AS n FROM sends WHERE status = 'sent'").get() as { n: number }).n);
  } finally {
    db.close();
  }
};

const dataDir = mkdtempSync(join(tmpdir(), 'icc-large-send-'));
const [port, smtpPort] = [await freePort(), await freePort()];
const key = await createAccount(dataDir);
const sink = await start('bench/smtp-sink.ts', { PORT: String(smtpPort) });
// The sink stands in for a relay on another machine: at the server's priority, its 65 ms of CPU a
// mail would be taken from the server's 2 cores, which a real relay's is not.
if (!process.argv.includes('--sink-at-server-priority')) setPriority(sink.pid ?? 0, 19);
const server = await start('src/main.ts', {
  PORT: String(port),
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  RATE_LIMIT_PER_MINUTE: '100000000',
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtpPort),
});
const pid = server.pid ?? 0;
try {
  const client = await startClient(port, key);
  await pixelLoad(port, 3); // warm-up
  const quiet = await pixelLoad(port, DURATION);
  const rssBefore = rssMegabytes(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssMegabytes(pid));
  }, 100);
  const sending = client.go();
  const during = await pixelLoad(port, DURATION);
  const answers = await sending;
  const file = join(dataDir, 'icc.sqlite');
  const accepted = answers.filter((a) => a.status === 202).length;
  const deadline = Date.now() + 60_000;
  while (sentCount(file) < accepted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const delivered = sentCount(file);
  const rssDone = rssMegabytes(pid);
  await new Promise((r) => setTimeout(r, 10_000));
  clearInterval(sampler);
  const rssIdle = rssMegabytes(pid);

  const statuses = [...new Set(answers.map((a) => a.status))]
    .map((s) => `${answers.filter((a) => a.status === s).length}× ${s}`)
    .join(', ');
  const times = answers.map((a) => a.ms).sort((a, b) => a - b);
  console.log(`| pixel (20 connections, 1,000 req/s, ${DURATION} s) | p50 | p99 | max | errors |`);
  console.log('|---|---|---|---|---|');
  console.log(`| quiet | ${quiet.p50} ms | ${quiet.p99} ms | ${quiet.max} ms | ${quiet.errors} |`);
  console.log(
    `| a ${client.bytes.toLocaleString('en')}-byte /v1/send a second | ${during.p50} ms | ${during.p99} ms | ${during.max} ms | ${during.errors} |`,
  );
  console.log(
    `\nsends: ${statuses}; answered in ${times[0]}–${times.at(-1)} ms (median ${times[Math.floor(times.length / 2)]} ms); delivered to the SMTP sink: ${delivered} of ${accepted}`,
  );
  console.log(
    `server RSS (with its mail process): ${rssBefore} MB before, ${rssPeak} MB at most during, ${rssDone} MB once delivered, ${rssIdle} MB 10 s later`,
  );
  console.log(`p99 ratio ${(during.p99 / Math.max(quiet.p99, 1)).toFixed(2)}× (target ≤ 2×)`);
} finally {
  for (const child of [server, sink]) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}
