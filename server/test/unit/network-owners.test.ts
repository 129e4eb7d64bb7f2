import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { NameInterner, parseAsnCsv } from '../../src/classify/asn-csv.ts';
import { installedAsnDatabaseDir } from '../../src/classify/asn-database.ts';
import { parsePrefix } from '../../src/classify/ip-prefixes.ts';
import { ASN_OWNERS, EOP_OWNER, EOP_PREFIXES } from '../../src/classify/network-owners.ts';

/** ASN → its name in the installed database. */
function installedNames(): Map<number, string> {
  const names = new NameInterner();
  const dir = installedAsnDatabaseDir();
  parseAsnCsv(readFileSync(join(dir, 'asn-ipv4-num.csv')), 1, names);
  parseAsnCsv(readFileSync(join(dir, 'asn-ipv6-num.csv')), 4, names);
  const { asns, offsets, bytes } = names.finish();
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const map = new Map<number, string>();
  asns.forEach((asn, i) => {
    map.set(asn, text.toString('utf8', offsets[i], offsets[i + 1]));
  });
  return map;
}

describe('our table of network owners', () => {
  it('quotes, for every ASN, the name the installed database gives it (so a changed owner fails here)', () => {
    const names = installedNames();
    const wrong: string[] = [];
    for (const owner of ASN_OWNERS) {
      const quoted = /AS name "([^"]+)"/.exec(owner.source)?.[1];
      const actual = names.get(owner.asn ?? -1);
      if (quoted === undefined || quoted !== actual)
        wrong.push(`AS${owner.asn} ${owner.name}: quotes "${quoted}", database has "${actual}"`);
    }
    assert.deepEqual(wrong, []);
  });

  it('has each ASN once, and a source for every row', () => {
    const seen = new Set<number>();
    for (const owner of ASN_OWNERS) {
      assert.ok(owner.asn !== null && !seen.has(owner.asn), `AS${owner.asn} twice`);
      seen.add(owner.asn);
      assert.ok(owner.source.length > 20, `AS${owner.asn} has no source`);
    }
    assert.ok(EOP_OWNER.source.includes('learn.microsoft.com'));
  });

  it("covers each kind of network, and EOP's ranges parse", () => {
    const kinds = new Set(ASN_OWNERS.map((o) => o.kind));
    for (const kind of [
      'mailSecurity',
      'imageProxy',
      'mailHost',
      'appleRelay',
      'cloudHosting',
      'webSecurityProxy',
      'consumerIsp',
    ])
      assert.ok(kinds.has(kind as never), kind);
    assert.equal(EOP_PREFIXES.map((cidr) => parsePrefix(cidr, null)).length, 6);
  });
});
