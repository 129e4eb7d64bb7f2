// What the ASN database costs: a cold load (CSV parsed, cache written), warm loads (cache read), the
// memory it holds, and the cost of one lookup, by address family, with and without parsing the text.
// `npm run bench:asn`; takes ~20 s. The figures go in the commit that changes the loader.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installedAsnDatabaseDir, openAsnDatabase } from '../src/classify/asn-database.ts';
import { newAddressWords, parseAddressInto } from '../src/classify/ip-address.ts';
import { openNetworkDirectory } from '../src/classify/network-directory.ts';
import { defaultConfig } from '../src/config.ts';

const LOOKUPS = 2_000_000;
const cacheDir = mkdtempSync(join(tmpdir(), 'icc-asn-bench-'));

if (process.argv[2] === '--load') {
  // One load in a fresh process, so the heap and the page cache of a previous load do not help it.
  const before = process.memoryUsage();
  const db = openAsnDatabase({ dir: '', cacheDir: process.argv[3] ?? '', maxAgeDays: 365 });
  const after = process.memoryUsage();
  const mb = (n: number) => (n / 1e6).toFixed(1);
  console.log(
    JSON.stringify({
      ms: db.load.ms,
      from: db.load.from,
      heapMB: mb(after.heapUsed - before.heapUsed),
      arrayBuffersMB: mb(after.arrayBuffers - before.arrayBuffers),
      rssMB: mb(after.rss - before.rss),
    }),
  );
  process.exit(0);
}

const loadOnce = () => {
  const run = spawnSync(process.execPath, [import.meta.filename, '--load', cacheDir], { encoding: 'utf8' });
  return JSON.parse(run.stdout) as { ms: number; from: string; heapMB: string; arrayBuffersMB: string; rssMB: string };
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const cold = loadOnce();
console.log(`cold load (CSV parsed, cache written): ${cold.ms.toFixed(0)} ms (${cold.from})`);
const warm = Array.from({ length: 7 }, loadOnce);
console.log(
  `warm load (cache read), 7 runs: median ${median(warm.map((w) => w.ms)).toFixed(1)} ms, best ${Math.min(...warm.map((w) => w.ms)).toFixed(1)} ms`,
);
console.log(
  `memory held: ${warm[0]!.arrayBuffersMB} MB array buffers, ${warm[0]!.heapMB} MB heap, rss +${warm[0]!.rssMB} MB`,
);

// Addresses drawn from the database's own rows (each inside a range), and 10% from nowhere (0.0.0.0/8, fc00::/7).
const db = openAsnDatabase({ dir: '', cacheDir, maxAgeDays: 365 });
const rows = (file: string) =>
  readFileSync(join(installedAsnDatabaseDir(), file), 'latin1')
    .split('\n')
    .filter(Boolean)
    .map((line) => BigInt(line.slice(0, line.indexOf(','))));
const v4Starts = rows('asn-ipv4-num.csv');
const v6Starts = rows('asn-ipv6-num.csv');
const v4Text = (n: bigint) => [24n, 16n, 8n, 0n].map((s) => (n >> s) & 255n).join('.');
const v6Text = (n: bigint) =>
  Array.from({ length: 8 }, (_, g) => ((n >> BigInt(112 - 16 * g)) & 0xffffn).toString(16)).join(':');
function sample(version: 4 | 6, n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    if (i % 10 === 9) return version === 4 ? `0.1.2.${i % 256}` : `fd00::${(i % 65536).toString(16)}`;
    const starts = version === 4 ? v4Starts : v6Starts;
    const start = starts[Math.floor(Math.random() * starts.length)]!;
    return version === 4 ? v4Text(start + BigInt(i % 7)) : v6Text(start + BigInt(i % 7));
  });
}

function time(label: string, addresses: string[], run: (ip: string) => unknown): void {
  let found = 0;
  for (let i = 0; i < 50_000; i++) run(addresses[i % addresses.length]!);
  const started = process.hrtime.bigint();
  for (let i = 0; i < LOOKUPS; i++) if (run(addresses[i % addresses.length]!)) found++;
  const ns = Number(process.hrtime.bigint() - started) / LOOKUPS;
  console.log(`${label}: ${ns.toFixed(0)} ns a lookup (${((found / LOOKUPS) * 100).toFixed(0)}% found)`);
}

const words = newAddressWords();
for (const version of [4, 6] as const) {
  const addresses = sample(version, 100_000);
  time(`IPv${version} parse only`, addresses, (ip) => parseAddressInto(ip, words));
  time(`IPv${version} parse + search`, addresses, (ip) => db.lookup(ip));
  const parsed = addresses.map((ip) => {
    const w = newAddressWords();
    parseAddressInto(ip, w);
    return w;
  });
  let i = 0;
  time(`IPv${version} search only`, addresses, () => db.lookupWords(version, parsed[i++ % parsed.length]!));
}
const directory = openNetworkDirectory({ ...defaultConfig, asnCacheDir: cacheDir });
const few = sample(4, 200);
time('network directory, 200 repeating addresses (its answer cache)', few, (ip) => directory.lookup(ip).asn);
time('network directory, 100,000 distinct addresses', sample(4, 100_000), (ip) => directory.lookup(ip).asn);
rmSync(cacheDir, { recursive: true, force: true });
