import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { builtAtOfVersion, openAsnDatabase } from '../../src/classify/asn-database.ts';
import { fakeAsnDatabase } from '../support/fake-asn-database.ts';

// The installed @ip-location-db/asn, with its cache in a folder of this run's own.
const cacheDir = mkdtempSync(join(tmpdir(), 'icc-asn-test-'));
after(() => rmSync(cacheDir, { recursive: true, force: true }));
const NOW = Date.parse('2026-12-01T12:00:00Z');
const real = openAsnDatabase({ dir: '', cacheDir, maxAgeDays: 365, now: NOW });

describe('the ASN database', () => {
  it('loads the installed package and says which version, how old and how big', () => {
    assert.equal(real.status.loaded, true);
    assert.match(real.status.version ?? '', /^2\.3\.\d{10}$/);
    assert.match(real.status.builtAt ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(real.status.ranges > 400_000, `${real.status.ranges} ranges`);
    assert.equal(real.source, '@ip-location-db/asn');
  });

  // Addresses taken from the package's rows (2026-06 data).
  const known: [string, number, RegExp][] = [
    ['205.139.110.1', 30031, /Mimecast/],
    ['67.231.152.1', 22843, /Proofpoint/],
    ['68.232.140.1', 16417, /Ironport/],
    ['64.235.150.1', 15324, /Barracuda/],
    ['40.94.16.20', 8075, /Microsoft/],
    ['66.249.80.3', 15169, /Google/],
    ['34.64.0.1', 396982, /Google/],
    ['17.253.0.1', 714, /Apple/],
    ['73.0.0.1', 7922, /Comcast/],
    ['165.225.0.1', 22616, /ZSCALER/],
    ['1.0.0.1', 13335, /Cloudflare/],
    ['2601::1', 7922, /Comcast/],
    ['2003::1', 3320, /Deutsche Telekom/],
    ['2a01:111:f400::1', 8075, /Microsoft/],
    ['2607:f8b0:4004:c07::64', 15169, /Google/],
    ['2620:149::1', 714, /Apple/],
  ];
  for (const [ip, asn, name] of known) {
    it(`finds ${ip} in AS${asn}`, () => {
      const match = real.lookup(ip);
      assert.equal(match?.asn, asn);
      assert.match(match?.name ?? '', name);
    });
  }

  it('reads an IPv4 address written IPv4-mapped, as a dual-stack socket reports it', () => {
    assert.equal(real.lookup('::ffff:205.139.110.1')?.asn, 30031);
    assert.equal(real.lookup('::FFFF:cd8b:6e01')?.asn, 30031);
  });

  it('answers "not found" for addresses no network announces, and for garbage, without throwing', () => {
    for (const ip of ['0.1.2.3', '192.0.2.1', 'fd00::1', '2001:db8::1', '::1', '::'])
      assert.equal(real.lookup(ip), null, ip);
    const garbage = [
      '',
      'not an ip',
      '1.2.3',
      '1.2.3.4.5',
      '256.1.1.1',
      '1..2.3',
      '::ffff:1.2.3',
      '1:2:3:4:5:6:7:8:9',
      '1::2::3',
      'g::1',
      ':1',
      '1:',
      `${'1'.repeat(100)}`,
    ];
    for (const ip of garbage) assert.equal(real.lookup(ip), null, JSON.stringify(ip));
    // A journal line decoded from bad JSON can hand the lookup no address at all; the type says it
    // cannot happen, the cast makes it happen on purpose.
    assert.equal(real.lookup(undefined as unknown as string), null);
  });

  it('keeps the later row where two overlap (two DoD networks share 215.0.0.0/16 in the 2026-06 data)', () => {
    assert.equal(real.lookup('214.95.0.1')?.asn, 749);
    assert.equal(real.lookup('215.0.0.5')?.asn, 721);
    assert.equal(real.lookup('215.0.255.255')?.asn, 721);
    assert.equal(real.lookup('215.1.3.255')?.asn, 721);
  });

  it('takes the build day from the version', () => {
    assert.equal(builtAtOfVersion('2.3.2026061719')?.toISOString(), '2026-06-17T00:00:00.000Z');
    assert.equal(builtAtOfVersion('2.3.2026023119'), null);
    assert.equal(builtAtOfVersion('1.0.0'), null);
  });
});

describe('the ASN database cache', () => {
  it('is written on the first load and read on the next', () => {
    const fake = fakeAsnDatabase();
    try {
      const first = openAsnDatabase({ dir: fake.dir, cacheDir: fake.cacheDir, maxAgeDays: 365, now: NOW });
      assert.equal(first.load.from, 'built');
      const second = openAsnDatabase({ dir: fake.dir, cacheDir: fake.cacheDir, maxAgeDays: 365, now: NOW });
      assert.equal(second.load.from, 'cache');
      assert.deepEqual(second.lookup('192.0.2.9'), { asn: 64500, name: 'Example Mail Filter, Inc.' });
      assert.deepEqual(second.lookup('2001:db8:1::5'), { asn: 64502, name: 'Example IPv6 Host' });
    } finally {
      fake.remove();
    }
  });

  it('is ignored and built again when damaged, truncated or written for other files', () => {
    const fake = fakeAsnDatabase();
    try {
      openAsnDatabase({ dir: fake.dir, cacheDir: fake.cacheDir, maxAgeDays: 365, now: NOW });
      const [file] = readdirSync(fake.cacheDir);
      const path = join(fake.cacheDir, file ?? '');
      const whole = readFileSync(path);
      const damaged = Buffer.from(whole);
      damaged[damaged.length - 3] = damaged[damaged.length - 3]! ^ 0xff;
      for (const bad of [damaged, whole.subarray(0, whole.length - 7), Buffer.from('not a cache at all')]) {
        writeFileSync(path, bad);
        const db = openAsnDatabase({ dir: fake.dir, cacheDir: fake.cacheDir, maxAgeDays: 365, now: NOW });
        assert.equal(db.load.from, 'built');
        assert.equal(db.lookup('198.51.100.20')?.name, 'Example Broadband');
      }
      // A new release has other file sizes: its cache replaces the old one.
      writeFileSync(join(fake.dir, 'asn-ipv4-num.csv'), '3221225984,3221226239,64509,Renamed Filter\n');
      const db = openAsnDatabase({ dir: fake.dir, cacheDir: fake.cacheDir, maxAgeDays: 365, now: NOW });
      assert.equal(db.load.from, 'built');
      assert.equal(db.lookup('192.0.2.9')?.asn, 64509);
      assert.equal(readdirSync(fake.cacheDir).length, 1);
    } finally {
      fake.remove();
    }
  });
});

describe('an ASN database that is missing, unversioned or old', () => {
  it('a missing folder gives a status with the problem, and lookups that find nothing', () => {
    const db = openAsnDatabase({ dir: join(cacheDir, 'no-such-dir'), cacheDir, maxAgeDays: 365, now: NOW });
    assert.equal(db.status.loaded, false);
    assert.equal(db.status.ranges, 0);
    assert.match(
      db.status.problem ?? '',
      /could not be read \(ENOENT\), so networks are judged without their owners\.$/,
    );
    assert.equal(db.lookup('205.139.110.1'), null);
    assert.equal(db.lookup('garbage'), null);
  });

  it('one older than ASN_DATABASE_MAX_AGE_DAYS is stale, and still used', () => {
    const fake = fakeAsnDatabase({ version: '2.3.2025010100' });
    try {
      const db = openAsnDatabase({ dir: fake.dir, cacheDir: fake.cacheDir, maxAgeDays: 365, now: NOW });
      assert.equal(db.status.loaded, true);
      assert.equal(db.status.stale, true);
      assert.equal(db.status.builtAt, '2025-01-01');
      assert.equal(db.status.ageDays, 699);
      assert.match(
        db.status.problem ?? '',
        /built 2025-01-01, 699 days ago, more than ASN_DATABASE_MAX_AGE_DAYS \(365\)/,
      );
      assert.equal(db.lookup('192.0.2.1')?.asn, 64500);
      const fresh = openAsnDatabase({ dir: fake.dir, cacheDir: fake.cacheDir, maxAgeDays: 1000, now: NOW });
      assert.equal(fresh.status.stale, false);
      assert.equal(fresh.status.problem, null);
    } finally {
      fake.remove();
    }
  });

  it('one without a version is used, with its age unknown', () => {
    const fake = fakeAsnDatabase({ version: null });
    try {
      const db = openAsnDatabase({ dir: fake.dir, cacheDir: fake.cacheDir, maxAgeDays: 365, now: NOW });
      assert.equal(db.status.loaded, true);
      assert.equal(db.status.ageDays, null);
      assert.equal(db.status.stale, false);
      assert.match(db.status.problem ?? '', /its age is unknown/);
    } finally {
      fake.remove();
    }
  });

  it('sorts rows given out of order, and cuts an earlier range short where a later one starts', () => {
    const fake = fakeAsnDatabase({
      v4: [
        '3325256704,3325256959,64501,Listed first',
        '3221225984,3221226239,64500,Wide',
        '3221226000,3221226015,64503,Narrow inside',
      ],
    });
    try {
      const db = openAsnDatabase({ dir: fake.dir, cacheDir: fake.cacheDir, maxAgeDays: 365, now: NOW });
      assert.equal(db.lookup('198.51.100.1')?.name, 'Listed first');
      assert.equal(db.lookup('192.0.2.1')?.name, 'Wide');
      assert.equal(db.lookup('192.0.2.20')?.name, 'Narrow inside');
      // Past the narrow range the wide one was cut at: the later row wins, the rest is unknown.
      assert.equal(db.lookup('192.0.2.40'), null);
      assert.equal(db.status.ranges, 5);
    } finally {
      fake.remove();
    }
  });

  it('skips rows it cannot read and keeps the rest', () => {
    const fake = fakeAsnDatabase({
      v4: ['garbage line', '3221225984,3221226239,64500,Kept', '5,4,1,end before start'],
      v6: [
        '42540766411282592856903984951653826560,42540766411283801782723599580828532735,64502,Kept too',
        '9,8,1,end before',
      ],
    });
    try {
      const db = openAsnDatabase({ dir: fake.dir, cacheDir: fake.cacheDir, maxAgeDays: 365, now: NOW });
      assert.equal(db.status.ranges, 2);
      assert.equal(db.lookup('192.0.2.1')?.name, 'Kept');
      assert.equal(db.lookup('2001:db8::1')?.name, 'Kept too');
    } finally {
      fake.remove();
    }
  });
});
