import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/config.ts';
import { CLASSIFICATIONS } from '../../src/storage/repository.ts';
import { openAsnTable } from '../corpus/asn-table.ts';
import { CASE_KINDS, CorpusError, type CorpusHit, loadCorpus, parseCorpus, userAgentOf } from '../corpus/corpus.ts';

const corpus = loadCorpus();
const hits = corpus.cases.flatMap((c) => c.hits.map((hit, i) => ({ c, hit, where: `${c.id} #${i}` })));

describe('the labelled hit corpus (test/corpus/hits.json)', () => {
  it('has at least 150 hits, every kind at least 12 and every class at least 10', () => {
    assert.ok(hits.length >= 150, `${hits.length} hits`);
    for (const kind of CASE_KINDS) {
      const n = hits.filter((x) => x.c.kind === kind).length;
      assert.ok(n >= 12, `${kind}: ${n} hits`);
    }
    for (const cls of CLASSIFICATIONS) {
      const n = hits.filter((x) => x.hit.expect === cls).length;
      assert.ok(n >= 10, `${cls}: ${n} hits`);
    }
  });

  it('gives every hit a source (its case) and a reason, and every quoted user agent its origin', () => {
    for (const { c, hit, where } of hits) {
      assert.match(c.source, /^https:\/\/\S+$/, where);
      assert.ok(c.note.length > 20, `${where}: the case says what its source shows`);
      assert.ok(hit.why.length > 5, `${where}: why`);
      if (typeof hit.ua === 'string') assert.ok(hit.uaSource, `${where}: where is "${hit.ua}" quoted from?`);
    }
  });

  it('uses addresses that parse and belong to the AS the hit names, per the shipped ASN database', () => {
    const table = openAsnTable();
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

  it('keeps self hits inside the self-view window and every other hit outside it', () => {
    const windowS = defaultConfig.selfViewWindowSeconds;
    for (const c of corpus.cases) {
      // The replay posts the self-view one second before a hit marked selfViewBefore.
      const views = c.hits.filter((h) => h.selfViewBefore).map((h) => h.afterSendSeconds - 1);
      c.hits.forEach((h, i) => {
        const near = views.some((v) => Math.abs(h.afterSendSeconds - v) <= windowS);
        assert.equal(near, h.expect === 'self', `${c.id} #${i}: expect ${h.expect}, self-view nearby: ${near}`);
      });
    }
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
