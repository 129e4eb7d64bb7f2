// Client addresses as numbers, for range lookups. Hand-written rather than net.isIP plus a split:
// every hit is parsed, and this allocates nothing (~60 ns for IPv4, ~200 ns for IPv6: bench/asn-lookup-bench.ts).

/** An IPv4 address is written to `words[0]`; an IPv6 one to `words[0..3]`, most significant first. */
export type AddressWords = Uint32Array;

/** Scratch space of the right size for parseAddressInto. */
export const newAddressWords = (): AddressWords => new Uint32Array(4);

const DOT = 46;
const COLON = 58;

/** The value of an IPv4 address in text[from, to), or -1. */
function parseIPv4(text: string, from: number, to: number): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return -1;
    } else if (c === DOT && digits > 0 && dots < 3) {
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else return -1;
  }
  if (dots !== 3 || digits === 0) return -1;
  return value * 256 + part;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 32;
  if (lower >= 97 && lower <= 102) return lower - 87;
  return -1;
}

// Filled by parseIPv6, then folded into words: eight 16-bit groups.
const groups = new Uint16Array(8);

/** Writes the address to `words`; false when text[0, to) is not IPv6. */
function parseIPv6(text: string, to: number, words: AddressWords): boolean {
  groups.fill(0);
  let count = 0;
  let gap = -1;
  let i = 0;
  if (text.charCodeAt(0) === COLON) {
    if (text.charCodeAt(1) !== COLON) return false;
    gap = 0;
    i = 2;
  }
  while (i < to) {
    let value = 0;
    let digits = 0;
    let j = i;
    for (; j < to; j++) {
      const d = hexDigit(text.charCodeAt(j));
      if (d < 0) break;
      value = value * 16 + d;
      if (++digits > 4) return false;
    }
    const next = j < to ? text.charCodeAt(j) : -1;
    if (next === DOT) {
      // A trailing dotted IPv4 part takes the last two groups (::ffff:1.2.3.4).
      const v4 = parseIPv4(text, i, to);
      if (v4 < 0 || count > 6) return false;
      groups[count++] = v4 >>> 16;
      groups[count++] = v4 & 0xffff;
      i = to;
      break;
    }
    if (digits === 0 || count === 8) return false;
    groups[count++] = value;
    if (next === -1) {
      i = j;
      break;
    }
    if (next !== COLON) return false;
    if (text.charCodeAt(j + 1) === COLON) {
      if (gap >= 0) return false;
      gap = count;
      i = j + 2;
    } else {
      if (j + 1 >= to) return false;
      i = j + 1;
    }
  }
  if (gap >= 0) {
    if (count === 8) return false;
    const moved = count - gap;
    for (let k = 0; k < moved; k++) groups[7 - k] = groups[count - 1 - k]!;
    for (let k = gap; k < 8 - moved; k++) groups[k] = 0;
  } else if (count !== 8) return false;
  for (let w = 0; w < 4; w++) words[w] = ((groups[2 * w]! << 16) | groups[2 * w + 1]!) >>> 0;
  return true;
}

/**
 * Parses `text` into `words`: 4 for IPv4 (also written as IPv4-mapped IPv6, ::ffff:1.2.3.4), 6 for
 * IPv6, 0 for anything else. A zone (fe80::1%eth0) is ignored. Never throws.
 */
export function parseAddressInto(text: string, words: AddressWords): 0 | 4 | 6 {
  if (typeof text !== 'string' || text.length === 0 || text.length > 64) return 0;
  const v4 = parseIPv4(text, 0, text.length);
  if (v4 >= 0) {
    words[0] = v4;
    return 4;
  }
  const zone = text.indexOf('%');
  if (!parseIPv6(text, zone >= 0 ? zone : text.length, words)) return 0;
  // ::ffff:0:0/96 holds IPv4 addresses as a dual-stack socket reports them.
  if (words[0] === 0 && words[1] === 0 && words[2] === 0xffff) {
    words[0] = words[3]!;
    return 4;
  }
  return 6;
}

/** The four words of a 128-bit integer given in decimal, as the ASN database writes IPv6 bounds. */
export function wordsOfDecimal(decimal: string, words: AddressWords, at = 0): boolean {
  if (!/^\d{1,39}$/.test(decimal)) return false;
  const value = BigInt(decimal);
  if (value >> 128n !== 0n) return false;
  for (let w = 0; w < 4; w++) words[at + w] = Number((value >> BigInt(96 - 32 * w)) & 0xffffffffn);
  return true;
}
