// Which AS an address belongs to, read straight from the ASN database the server ships
// (@ip-location-db/asn, rows `start,end,asn,name`), so the corpus can be checked against it
// without going through the classifier's own lookup.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isIPv4, isIPv6 } from 'node:net';

export interface AsnRow {
  asn: number;
  name: string;
}

interface Table {
  starts: bigint[];
  ends: bigint[];
  rows: AsnRow[];
}

function ipv4ToBigInt(ip: string): bigint {
  return ip.split('.').reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
}

function ipv6ToBigInt(ip: string): bigint {
  let text = ip;
  // A trailing dotted quad (::ffff:1.2.3.4) stands for the last two groups.
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad?.[1]) {
    const v4 = ipv4ToBigInt(quad[1]);
    text = `${text.slice(0, -quad[1].length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((n, g) => (n << 16n) | BigInt(Number.parseInt(g, 16)), 0n);
}

/** IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are looked up as the IPv4 address they carry. */
function unmapped(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped?.[1] ?? ip;
}

function readTable(file: string, toNumber: (ip: string) => bigint): Table {
  const table: Table = { starts: [], ends: [], rows: [] };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const [start = '', end = '', asn = '', ...name] = line.split(',');
    table.starts.push(toNumber(start));
    table.ends.push(toNumber(end));
    table.rows.push({ asn: Number(asn), name: name.join(',').replace(/^"|"$/g, '') });
  }
  return table;
}

function find(table: Table, n: bigint): AsnRow | null {
  let lo = 0;
  let hi = table.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((table.starts[mid] ?? 0n) <= n) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && n <= (table.ends[hi] ?? -1n) ? (table.rows[hi] ?? null) : null;
}

export interface AsnTable {
  lookup(ip: string): AsnRow | null;
}

export function openAsnTable(): AsnTable {
  const require = createRequire(import.meta.url);
  const dir = require.resolve('@ip-location-db/asn/package.json').replace(/package\.json$/, '');
  const v4 = readTable(`${dir}asn-ipv4.csv`, ipv4ToBigInt);
  const v6 = readTable(`${dir}asn-ipv6.csv`, ipv6ToBigInt);
  return {
    lookup(ip) {
      const address = unmapped(ip);
      if (isIPv4(address)) return find(v4, ipv4ToBigInt(address));
      if (isIPv6(address)) return find(v6, ipv6ToBigInt(address));
      return null;
    },
  };
}
