import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openNetworkDirectory } from '../../src/classify/network-directory.ts';
import { defaultConfig } from '../../src/config.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'icc-directory-test-'));
after(() => rmSync(cacheDir, { recursive: true, force: true }));
const config = { ...defaultConfig, asnCacheDir: cacheDir, extraScannerNetworks: ['192.0.2.0/24', '2001:db8:5::/48'] };
const directory = openNetworkDirectory(config, Date.parse('2026-12-01T12:00:00Z'));
const { lookup } = directory;

describe('the network directory', () => {
  it('names the owner and what it does for addresses of several kinds of network', () => {
    const table: [string, string, string][] = [
      ['205.139.110.1', 'Mimecast', 'mailSecurity'],
      ['67.231.152.1', 'Proofpoint', 'mailSecurity'],
      ['68.232.140.1', 'Cisco Secure Email (IronPort)', 'mailSecurity'],
      ['40.94.16.20', 'Microsoft', 'mailHost'],
      ['66.249.80.3', 'Google', 'mailHost'],
      ['34.64.0.1', 'Google Cloud', 'cloudHosting'],
      ['3.5.140.1', 'Amazon Web Services', 'cloudHosting'],
      ['17.253.0.1', 'Apple', 'appleRelay'],
      ['165.225.0.1', 'Zscaler', 'webSecurityProxy'],
      ['73.0.0.1', 'Comcast Xfinity', 'consumerIsp'],
      ['2003::1', 'Deutsche Telekom', 'consumerIsp'],
      ['2600:1f18::1', 'Amazon Web Services', 'cloudHosting'],
    ];
    for (const [ip, name, kind] of table) {
      const facts = lookup(ip);
      assert.equal(facts.owner?.name, name, ip);
      assert.equal(facts.owner?.kind, kind, ip);
      assert.ok(facts.asn && facts.asName, ip);
    }
  });

  it("Exchange Online Protection's published ranges win over AS8075, which still names the AS", () => {
    for (const ip of ['40.107.235.5', '104.47.0.9', '52.101.1.1', '::ffff:40.92.7.7', '2a01:111:f403:c000::1']) {
      const facts = lookup(ip);
      assert.equal(facts.owner?.kind, 'mailFiltering', ip);
      assert.equal(facts.owner?.name, 'Exchange Online Protection', ip);
      assert.equal(facts.asn, 8075, ip);
      assert.match(facts.owner?.source ?? '', /urls-and-ip-address-ranges/);
    }
    // Just outside 40.92.0.0/15: Microsoft's network, not EOP.
    assert.equal(lookup('40.94.0.1').owner?.kind, 'mailHost');
  });

  it("the operator's EXTRA_SCANNER_NETWORKS are listed scanners, even where no AS is known", () => {
    assert.deepEqual(lookup('192.0.2.44'), {
      asn: null,
      asName: null,
      owner: {
        asn: null,
        name: 'listed scanner network',
        kind: 'listedScanner',
        source: 'EXTRA_SCANNER_NETWORKS (this server’s configuration)',
      },
      local: false,
    });
    assert.equal(lookup('2001:db8:5:1::2').owner?.kind, 'listedScanner');
  });

  it('an address in a network outside our table has its AS but no owner; unknown and garbage have nothing', () => {
    const other = lookup('214.0.0.1');
    assert.equal(other.asn, 721);
    assert.equal(other.owner, null);
    for (const ip of ['203.0.113.1', '100.64.12.7', 'not an ip', ''])
      assert.deepEqual(lookup(ip), { asn: null, asName: null, owner: null, local: false });
  });

  it('private, loopback and link-local addresses are local: they say nothing of who fetched', () => {
    for (const ip of [
      '10.1.2.3',
      '172.20.0.9',
      '192.168.1.10',
      '127.0.0.1',
      '::ffff:127.0.0.1',
      '::1',
      'fd00::1',
      'fe80::1',
    ])
      assert.deepEqual(lookup(ip), { asn: null, asName: null, owner: null, local: true }, ip);
    assert.equal(lookup('172.32.0.1').local, false);
  });

  it('gives the same answer from its memory of recent addresses', () => {
    assert.equal(lookup('205.139.110.1'), lookup('205.139.110.1'));
  });

  it('says in one line what it loaded', () => {
    assert.match(
      directory.summary,
      /^ASN database @ip-location-db\/asn 2\.3\.\d{10} \(built \d{4}-\d{2}-\d{2}, \d+ days old\), [\d,]+ ranges, loaded in \d+ ms/,
    );
  });

  it('refuses a mistyped EXTRA_SCANNER_NETWORKS entry', () => {
    assert.throws(
      () => openNetworkDirectory({ ...config, extraScannerNetworks: ['192.0.2.0/33'] }),
      /bad network "192.0.2.0\/33"/,
    );
    assert.throws(() => openNetworkDirectory({ ...config, extraScannerNetworks: ['scanner.example'] }), /bad network/);
  });
});
