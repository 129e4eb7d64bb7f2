import type { AddressWords } from './ip-address.ts';

/**
 * One address family's ranges, sorted by start and not overlapping, as flat typed arrays: 12 bytes
 * a range for IPv4 (start, end, owner) and 36 for IPv6 (four words each for start and end). `owners`
 * indexes AsnNames. Kept flat so the binary cache (asn-cache-file.ts) is these arrays as they are.
 */
export interface RangeTable {
  /** 1 for IPv4, 4 for IPv6: the 32-bit words of one address. */
  width: 1 | 4;
  count: number;
  starts: Uint32Array;
  ends: Uint32Array;
  owners: Uint32Array;
}

/** One name per ASN: the ASNs, and their names as UTF-8 between offsets[i] and offsets[i + 1]. */
export interface AsnNames {
  asns: Uint32Array;
  offsets: Uint32Array;
  bytes: Uint8Array;
}

/** The owner index of the IPv4 range holding `address`, or -1. */
export function findV4(table: RangeTable, address: number): number {
  const { starts, ends } = table;
  let lo = 0;
  let hi = table.count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= address) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && address <= ends[found]! ? table.owners[found]! : -1;
}

/** -1, 0 or 1 as the address in `a` at word `at` is below, equal to or above `b`. */
function compare(a: Uint32Array, at: number, b: AddressWords): number {
  for (let w = 0; w < 4; w++) {
    const x = a[at + w]!;
    const y = b[w]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The owner index of the IPv6 range holding `address`, or -1. */
export function findV6(table: RangeTable, address: AddressWords): number {
  const { starts } = table;
  const top = address[0]!;
  let lo = 0;
  let hi = table.count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    // The first word decides most steps; the rest are compared only when it ties.
    const first = starts[mid * 4]!;
    if (first < top || (first === top && compare(starts, mid * 4, address) <= 0)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && compare(table.ends, found * 4, address) >= 0 ? table.owners[found]! : -1;
}

/** Compares range i's start (or end) with range j's start, word by word. */
function compareAt(table: RangeTable, a: Uint32Array, i: number, j: number): number {
  const w = table.width;
  for (let k = 0; k < w; k++) {
    const x = a[i * w + k]!;
    const y = table.starts[j * w + k]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Sets range i's end to range j's start minus one. */
function endBefore(table: RangeTable, i: number, j: number): void {
  const w = table.width;
  let borrow = 1;
  for (let k = w - 1; k >= 0; k--) {
    const start = table.starts[j * w + k]!;
    table.ends[i * w + k] = (start - borrow) >>> 0;
    borrow = borrow && start === 0 ? 1 : 0;
  }
}

function copyRange(table: RangeTable, from: number, to: number): void {
  const w = table.width;
  table.starts.copyWithin(to * w, from * w, from * w + w);
  table.ends.copyWithin(to * w, from * w, from * w + w);
  table.owners[to] = table.owners[from]!;
}

/**
 * Makes a freshly parsed table searchable: sorted by start, each range ending before the next
 * begins. The 2026-06 data has one overlap (two DoD networks); the later row wins where they meet.
 * Returns the number of ranges cut short or dropped.
 */
export function settleRanges(table: RangeTable): number {
  const w = table.width;
  let sorted = true;
  for (let i = 1; i < table.count && sorted; i++) sorted = compareAt(table, table.starts, i - 1, i) <= 0;
  if (!sorted) {
    const order = Array.from({ length: table.count }, (_, i) => i);
    order.sort((a, b) => compareAt(table, table.starts, a, b));
    const starts = table.starts.slice();
    const ends = table.ends.slice();
    const owners = table.owners.slice();
    order.forEach((from, to) => {
      table.starts.set(starts.subarray(from * w, from * w + w), to * w);
      table.ends.set(ends.subarray(from * w, from * w + w), to * w);
      table.owners[to] = owners[from]!;
    });
  }
  let fixed = 0;
  let kept = 0;
  for (let i = 0; i < table.count; i++) {
    if (kept > 0 && compareAt(table, table.ends, kept - 1, i) >= 0) {
      fixed++;
      // Same start: the earlier row is wholly covered, so the later one replaces it.
      if (compareAt(table, table.starts, kept - 1, i) === 0) kept--;
      else endBefore(table, kept - 1, i);
    }
    if (kept !== i) copyRange(table, i, kept);
    kept++;
  }
  table.count = kept;
  return fixed;
}
