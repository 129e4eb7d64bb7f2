import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A folder laid out like @ip-location-db/asn with a few rows, for tests that need a database of
 * a chosen age, a damaged one or none. Rows are `start,end,asn,"name"` as the package writes them.
 */
export function fakeAsnDatabase(options: { version?: string | null; v4?: string[]; v6?: string[] } = {}): {
  dir: string;
  cacheDir: string;
  remove: () => void;
} {
  const root = mkdtempSync(join(tmpdir(), 'icc-fake-asn-'));
  const dir = join(root, 'asn');
  const cacheDir = join(root, 'cache');
  mkdirSync(dir);
  const version = options.version === undefined ? '2.3.2026061719' : options.version;
  if (version !== null)
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@ip-location-db/asn', version }));
  const v4 = options.v4 ?? [
    // 192.0.2.0/24 and 198.51.100.0/24 (documentation ranges), so no real network is implied.
    '3221225984,3221226239,64500,"Example Mail Filter, Inc."',
    '3325256704,3325256959,64501,Example Broadband',
  ];
  // 2001:db8::/48 and 2001:db8:1::/48.
  const v6 = options.v6 ?? [
    '42540766411282592856903984951653826560,42540766411283801782723599580828532735,64500,"Example Mail Filter, Inc."',
    '42540766411283801782723599580828532736,42540766411285010708543214210003238911,64502,Example IPv6 Host',
  ];
  writeFileSync(join(dir, 'asn-ipv4-num.csv'), `${v4.join('\n')}\n`);
  writeFileSync(join(dir, 'asn-ipv6-num.csv'), `${v6.join('\n')}\n`);
  return { dir, cacheDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
