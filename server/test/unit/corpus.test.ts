import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/config.ts';
import { CLASSIFICATIONS } from '../../src/storage/repository.ts';
import { openAsnTable } from '../corpus/asn-table.ts';
import {
  CASE_KINDS,
  type Corpus,
  CorpusError,
  type CorpusHit,
  HOLDOUT_PATH,
  loadCorpus,
  parseCorpus,
  userAgentOf,
} from '../corpus/corpus.ts';

const corpus = loadCorpus();
// The held-out corpus is only checked here, never measured: its accuracy must stay unseen by
// whoever tunes the classifier (the benchmark prints it, no test asserts on it).
const holdout = loadCorpus(HOLDOUT_PATH);
const table = openAsnTable();

function hitsOf(c: Corpus) {
  return c.cases.flatMap((k) => k.hits.map((hit, i) => ({ c: k, hit, where: `${k.id} #${i}` })));
}

interface Minimums {
  hits: number;
  /** Hits of every case kind; 0 leaves the mix of kinds free. */
  perKind: number;
  perClass: number;
}

/** The checks every labelled corpus must pass, whatever its size. */
function checkCorpus(name: string, c: Corpus, min: Minimums) {
  const hits = hitsOf(c);

  it(`has at least ${min.hits} hits${min.perKind ? `, every kind at least ${min.perKind}` : ''} and every class at least ${min.perClass}`, () => {
    assert.ok(hits.length >= min.hits, `${name}: ${hits.length} hits`);
    if (min.perKind) {
      for (const kind of CASE_KINDS) {
        const n = hits.filter((x) => x.c.kind === kind).length;
        assert.ok(n >= min.perKind, `${name} ${kind}: ${n} hits`);
      }
    }
    for (const cls of CLASSIFICATIONS) {
      const n = hits.filter((x) => x.hit.expect === cls).length;
      assert.ok(n >= min.perClass, `${name} ${cls}: ${n} hits`);
    }
  });

  it('gives every hit a source (its case) and a reason, and every quoted user agent its origin', () => {
    for (const { c: k, hit, where } of hits) {
      assert.match(k.source, /^https:\/\/\S+$/, where);
      assert.ok(k.note.length > 20, `${where}: the case says what its source shows`);
      assert.ok(hit.why.length > 5, `${where}: why`);
      if (typeof hit.ua === 'string') assert.ok(hit.uaSource, `${where}: where is "${hit.ua}" quoted from?`);
    }
  });

  it('uses addresses that parse and belong to the AS the hit names, per the shipped ASN database', () => {
    for (const { hit, where } of hits) {
      assert.notEqual(isIP(hit.ip), 0, `${where}: ${hit.ip}`);
      const row = table.lookup(hit.ip);
      assert.equal(
        row?.asn ?? null,
        hit.asn,
        `${where}: ${hit.ip} is ${row ? `AS${row.asn} ${row.name}` : 'in no range'}`,
      );
      if (hit.asn !== null) assert.match(hit.why, new RegExp(`AS${hit.asn}\\b`), `${where}: why names the AS`);
    }
  });

  it('keeps self hits inside the self-view window and every other hit outside it', () => {
    const windowS = defaultConfig.selfViewWindowSeconds;
    for (const k of c.cases) {
      // The replay posts the self-view one second before a hit marked selfViewBefore.
      const views = k.hits.filter((h) => h.selfViewBefore).map((h) => h.afterSendSeconds - 1);
      k.hits.forEach((h, i) => {
        const near = views.some((v) => Math.abs(h.afterSendSeconds - v) <= windowS);
        assert.equal(near, h.expect === 'self', `${k.id} #${i}: expect ${h.expect}, self-view nearby: ${near}`);
      });
    }
  });
}

describe('the labelled hit corpus (test/corpus/hits.json)', () => {
  checkCorpus('hits.json', corpus, { hits: 150, perKind: 12, perClass: 10 });
  const hits = hitsOf(corpus);

  it('includes the awkward inputs: IPv6, IPv4-mapped, no range, a 64 KB user agent and none at all', () => {
    const has = (test: (hit: CorpusHit) => boolean) => hits.some((x) => test(x.hit));
    assert.ok(
      has((h) => isIP(h.ip) === 6 && !h.ip.startsWith('::ffff:')),
      'an IPv6 address',
    );
    assert.ok(
      has((h) => /^::ffff:\d+\.\d+\.\d+\.\d+$/.test(h.ip)),
      'an IPv4-mapped address',
    );
    assert.ok(
      has((h) => h.asn === null),
      'an address in no range',
    );
    assert.ok(
      has((h) => (userAgentOf(h)?.length ?? 0) >= 65_536),
      'a 64 KB user agent',
    );
    assert.ok(
      has((h) => h.ua === null),
      'a request without a user agent',
    );
  });

  it('refuses a corpus with an unknown class, a bad address or a click without a link', () => {
    const good = JSON.parse(JSON.stringify(corpus));
    const broken = (change: (hit: Record<string, unknown>) => void) => {
      const copy = structuredClone(good);
      change(copy.cases[0].hits[0]);
      return () => parseCorpus(copy);
    };
    assert.throws(
      broken((h) => {
        h.expect = 'opened';
      }),
      CorpusError,
    );
    assert.throws(
      broken((h) => {
        h.ip = '300.1.2.3';
      }),
      CorpusError,
    );
    assert.throws(
      broken((h) => {
        h.type = 'click';
        delete h.link;
      }),
      CorpusError,
    );
    assert.doesNotThrow(() => parseCorpus(good));
  });
});

describe('the held-out corpus (test/corpus/holdout.json)', () => {
  checkCorpus('holdout.json', holdout, { hits: 80, perKind: 0, perClass: 6 });

  it('shares no case with the tuning corpus', () => {
    const tuned = new Set(corpus.cases.map((k) => k.id));
    const shared = holdout.cases.filter((k) => tuned.has(k.id)).map((k) => k.id);
    assert.deepEqual(shared, [], 'a case in both corpora is no longer held out');
  });
});
