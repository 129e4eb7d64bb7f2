// What classifying one hit costs on the hit writer thread: the network lookup, the user agent's
// class (remembered, and for a user agent seen for the first time) and the rules. Single thread,
// no I/O. Usage: npm --prefix server run bench:classify

import { classifyHit } from '../src/classify/classify-hit.ts';
import { openNetworkDirectory } from '../src/classify/network-directory.ts';
import { UserAgentClassifier } from '../src/classify/user-agent-class.ts';
import { defaultConfig } from '../src/config.ts';

const ADDRESSES = ['73.22.10.4', '40.107.22.5', '205.139.110.9', '17.58.0.1', '2a01:111:f400::5', '::ffff:81.2.69.1'];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.6326; Pro)',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
  'Postbox 7.0.60 (Windows/20220517)',
  'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
  'python-requests/2.31.0',
];
const rules = { scannerWindowMs: 30_000, selfViewWindowMs: 10_000, mppWindowMs: 900_000, addressesKnown: true };

function time(label: string, runs: number, once: (i: number) => void): void {
  // Warm the JIT on other inputs than the measured ones, so nothing measured is remembered already.
  for (let i = 0; i < Math.min(runs, 1000); i++) once(runs + i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) once(i);
  const ns = Number(process.hrtime.bigint() - start) / runs;
  const shown =
    ns >= 1e6 ? `${(ns / 1e6).toFixed(1)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(1)} µs` : `${ns.toFixed(0)} ns`;
  console.log(`${label.padEnd(58)} ${shown} per hit (${runs} runs)`);
}

const loadStart = performance.now();
const directory = openNetworkDirectory(defaultConfig);
console.log(
  `network directory opened in ${(performance.now() - loadStart).toFixed(0)} ms (${directory.status.ranges} ranges)`,
);
const agents = new UserAgentClassifier();
const sentAt = Date.now() - 3_600_000;
const hitAt = (i: number) => ({
  kind: (i % 2 ? 'view' : 'click') as 'view' | 'click',
  method: 'GET',
  purpose: '',
  at: sentAt + 3_600_000,
  sentAt,
  lastSelfViewAt: null,
  network: directory.lookup(ADDRESSES[i % ADDRESSES.length] ?? ''),
  agent: agents.classify(AGENTS[i % AGENTS.length] ?? ''),
});

time('network lookup, remembered address', 200_000, (i) => directory.lookup(ADDRESSES[i % ADDRESSES.length] ?? ''));
time('network lookup, a new address each time', 200_000, (i) =>
  directory.lookup(`${(i * 7919) % 223}.${(i >> 8) % 256}.${i % 256}.${(i * 31) % 256}`),
);
time('user agent class, remembered', 200_000, (i) => agents.classify(AGENTS[i % AGENTS.length] ?? ''));
time('user agent class, browser never seen (fast path)', 2000, (i) =>
  agents.classify(
    `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${i}.0 Safari/537.36`,
  ),
);
time('user agent class, mail client never seen (device detector)', 200, (i) =>
  agents.classify(`Postbox ${i}.0.60 (Windows/20220517)`),
);
const facts = Array.from({ length: 12 }, (_, i) => hitAt(i));
time('rules, facts in hand', 200_000, (i) => classifyHit(facts[i % facts.length] ?? hitAt(i), rules));
time('the whole hit: lookup, class and rules (remembered)', 200_000, (i) => classifyHit(hitAt(i), rules));
