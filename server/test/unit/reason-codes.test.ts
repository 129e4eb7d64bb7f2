import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { classifyHit, type HitFacts } from '../../src/classify/classify-hit.ts';
import type { NetworkFacts } from '../../src/classify/network-kinds.ts';
import { UserAgentClassifier } from '../../src/classify/user-agent-class.ts';
import { eventReason, REASON_CODES, type ReasonCode } from '../../src/reasons/event-reasons.ts';

// What the extension accepts (lib/tracking/apply-event.ts); a code outside it would be dropped there.
const CODE_SHAPE = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)*$/;

/** The parameter names a code's English text reads, found by handing it a recording object. */
function paramsReadBy(code: ReasonCode): string[] {
  const read = new Set<string>();
  const recorder = new Proxy(
    {},
    {
      get: (_target, key) => {
        if (typeof key !== 'string') return undefined;
        read.add(key);
        return 1;
      },
      ownKeys: () => [],
    },
  );
  (eventReason as (code: ReasonCode, params: object) => unknown)(code, recorder);
  return [...read].sort();
}

/** code → parameter names, from the table in server/README.md. */
function documentedCodes(): Map<string, string[]> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('### Reason codes');
  const section = readme.slice(start, readme.indexOf('\n## ', start));
  const rows = [...section.matchAll(/^\| `([^`]+)` \| ([^|]+) \|/gm)];
  return new Map(
    rows.map(([, code = '', params = '']) => [code, [...params.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '').sort()]),
  );
}

describe('reason codes', () => {
  it('every code has the shape the extension accepts', () => {
    for (const code of REASON_CODES) {
      assert.match(code, CODE_SHAPE);
      assert.ok(code.length <= 64, code);
    }
  });

  it('server/README.md documents every code with exactly the parameters its text uses, and no other code', () => {
    const documented = documentedCodes();
    assert.deepEqual([...documented.keys()].sort(), [...REASON_CODES].sort());
    for (const code of REASON_CODES) assert.deepEqual(documented.get(code), paramsReadBy(code), code);
  });

  it('text and parameters come from the same values', () => {
    assert.deepEqual(eventReason('scanner.tooSoonAfterSend', { seconds: 0.4, windowSeconds: 30 }), {
      reason: 'scanner: 0.4 s after send (window 30 s)',
      reasonCode: 'scanner.tooSoonAfterSend',
      reasonParams: { seconds: 0.4, windowSeconds: 30 },
    });
    assert.deepEqual(eventReason('complaint.arf'), {
      reason: 'complaint: marked as spam (ARF abuse report)',
      reasonCode: 'complaint.arf',
      reasonParams: null,
    });
  });
});

const sentAt = Date.parse('2026-11-20T09:00:00Z');
const rules = {
  scannerWindowMs: 30_000,
  selfViewWindowMs: 10_000,
  mppWindowMs: 900_000,
  addressesKnown: true,
};
const agents = new UserAgentClassifier();
const GOOGLE: NetworkFacts = {
  asn: 15169,
  asName: 'Google LLC',
  owner: { asn: 15169, name: 'Google', kind: 'mailHost', source: 'test' },
  local: false,
};
const LISTED: NetworkFacts = {
  asn: null,
  asName: null,
  owner: { asn: null, name: 'listed scanner', kind: 'listedScanner', source: 'test' },
  local: false,
};
type Story = Partial<Omit<HitFacts, 'agent'>> & { userAgent?: string };
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
const hit = ({ userAgent = CHROME, ...over }: Story): HitFacts => ({
  kind: 'view',
  method: 'GET',
  purpose: '',
  at: sentAt + 3_600_000,
  sentAt,
  lastSelfViewAt: null,
  network: { asn: 7922, asName: 'Comcast Cable Communications, LLC', owner: null, local: false },
  agent: agents.classify(userAgent),
  ...over,
});

// Where the English text used to embed English words ("browser", "empty user agent"), the code
// says it instead, so no English ends up inside a translated sentence.
const table: [string, Story, string, Record<string, string | number> | null][] = [
  [
    'a hit 12.34 s after send',
    { at: sentAt + 12_340 },
    'scanner.tooSoonAfterSend',
    { seconds: 12.3, windowSeconds: 30 },
  ],
  ['an empty user agent', { userAgent: '' }, 'scanner.emptyUserAgent', null],
  ['a spam filter doubling Mozilla/5.0', { userAgent: `${CHROME} Mozilla/5.0` }, 'scanner.duplicatedMozilla', null],
  [
    'a URL Defense fetch',
    { userAgent: 'urldefense.proofpoint.com fetcher' },
    'scanner.userAgent',
    { marker: 'urldefense' },
  ],
  ['a click from Google space', { kind: 'click', network: GOOGLE }, 'scanner.networkClick', { network: 'Google' }],
  ['a click from a listed scanner network', { kind: 'click', network: LISTED }, 'scanner.listedNetworkClick', null],
  [
    'a Yahoo open',
    { userAgent: 'YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html' },
    'proxy.imageProxy',
    { service: 'Yahoo Mail', marker: 'YahooMailProxy' },
  ],
  ['a browser click', { kind: 'click' }, 'human.browser', null],
  [
    'Thunderbird',
    { userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.0' },
    'human.mailClient',
    { client: 'Thunderbird' },
  ],
  ['the rep’s own view', { lastSelfViewAt: sentAt + 3_600_000 - 2000 }, 'self.repView', { windowSeconds: 10 }],
];

describe('classified hits carry their code and parameters', () => {
  for (const [story, facts, code, params] of table) {
    it(story, () => {
      const verdict = classifyHit(hit(facts), rules);
      assert.deepEqual([verdict.reasonCode, verdict.reasonParams], [code, params], verdict.reason);
    });
  }
});
