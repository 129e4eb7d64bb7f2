import type { AsnNames, RangeTable } from './asn-ranges.ts';
import { wordsOfDecimal } from './ip-address.ts';

// Reads the "-num" CSVs of @ip-location-db/asn: `start,end,asn,name`, bounds as decimal integers
// (128-bit for IPv6), the name quoted when it holds a comma, with "" for a quote. Parsed from the
// bytes, not split into strings: 412,000 IPv4 rows take ~0.2 s even so, hence the binary cache.

const NEWLINE = 10;
const COMMA = 44;
const QUOTE = 34;

/** Collects one name per ASN, in the order first seen. */
export class NameInterner {
  private readonly index = new Map<number, number>();
  private readonly asns: number[] = [];
  private readonly names: string[] = [];

  /** The owner index of `asn`, naming it `name()` the first time it is seen. */
  intern(asn: number, name: () => string): number {
    let i = this.index.get(asn);
    if (i === undefined) {
      i = this.asns.length;
      this.index.set(asn, i);
      this.asns.push(asn);
      this.names.push(name());
    }
    return i;
  }

  finish(): AsnNames {
    const encoded = this.names.map((n) => Buffer.from(n, 'utf8'));
    const offsets = new Uint32Array(encoded.length + 1);
    encoded.forEach((b, i) => {
      offsets[i + 1] = offsets[i]! + b.length;
    });
    return { asns: Uint32Array.from(this.asns), offsets, bytes: Buffer.concat(encoded) };
  }
}

function countLines(bytes: Buffer): number {
  let lines = 0;
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) lines++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== NEWLINE ? lines + 1 : lines;
}

/** A decimal integer in bytes[from, to) as a number (exact below 2^53), or -1. */
function decimal(bytes: Buffer, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The AS name in bytes[from, to): quotes taken off, "" made ". */
function nameOf(bytes: Buffer, from: number, to: number): string {
  let end = to;
  if (end > from && bytes[end - 1] === 13) end--;
  if (bytes[from] === QUOTE && end - from >= 2 && bytes[end - 1] === QUOTE) {
    return bytes.toString('utf8', from + 1, end - 1).replaceAll('""', '"');
  }
  return bytes.toString('utf8', from, end);
}

/** Whether IPv6 row `row` ends before it starts (a damaged row). */
function endsBeforeStart(table: RangeTable, row: number): boolean {
  for (let w = row * 4; w < row * 4 + 4; w++) {
    if (table.starts[w] !== table.ends[w]) return table.ends[w]! < table.starts[w]!;
  }
  return false;
}

/**
 * Parses one CSV (width 1: IPv4, 4: IPv6) into a table, interning names. Rows that do not parse are
 * counted and skipped: a damaged line costs its range, not the database.
 */
export function parseAsnCsv(bytes: Buffer, width: 1 | 4, names: NameInterner): { table: RangeTable; skipped: number } {
  const capacity = countLines(bytes);
  const table: RangeTable = {
    width,
    count: 0,
    starts: new Uint32Array(capacity * width),
    ends: new Uint32Array(capacity * width),
    owners: new Uint32Array(capacity),
  };
  let skipped = 0;
  let at = 0;
  while (at < bytes.length) {
    let lineEnd = bytes.indexOf(NEWLINE, at);
    if (lineEnd < 0) lineEnd = bytes.length;
    const c1 = bytes.indexOf(COMMA, at);
    const c2 = c1 < 0 ? -1 : bytes.indexOf(COMMA, c1 + 1);
    const c3 = c2 < 0 ? -1 : bytes.indexOf(COMMA, c2 + 1);
    const row = table.count;
    let ok = c3 >= 0 && c3 < lineEnd;
    if (ok && width === 1) {
      const start = decimal(bytes, at, c1);
      const end = decimal(bytes, c1 + 1, c2);
      ok = start >= 0 && end >= start && end <= 0xffffffff;
      table.starts[row] = start;
      table.ends[row] = end;
    } else if (ok) {
      ok =
        wordsOfDecimal(bytes.toString('latin1', at, c1), table.starts, row * 4) &&
        wordsOfDecimal(bytes.toString('latin1', c1 + 1, c2), table.ends, row * 4) &&
        !endsBeforeStart(table, row);
    }
    const asn = ok ? decimal(bytes, c2 + 1, c3) : -1;
    if (ok && asn >= 0 && asn <= 0xffffffff) {
      table.owners[row] = names.intern(asn, () => nameOf(bytes, c3 + 1, lineEnd));
      table.count++;
    } else if (lineEnd > at) skipped++;
    at = lineEnd + 1;
  }
  return { table, skipped };
}
