import { type AddressWords, newAddressWords, parseAddressInto } from './ip-address.ts';

/** A CIDR prefix as its first and last address, in the words parseAddressInto writes. */
export interface IpPrefix<T> {
  version: 4 | 6;
  first: AddressWords;
  last: AddressWords;
  value: T;
}

/**
 * Parses "192.0.2.0/24" or "2a01:111:f400::/48" (a bare address is a /32 or /128). An IPv4-mapped
 * prefix (::ffff:192.0.2.0/120) is taken as the IPv4 one it maps. Throws on anything else, so a
 * mistyped EXTRA_SCANNER_NETWORKS stops the start instead of silently matching nothing.
 */
export function parsePrefix<T>(cidr: string, value: T): IpPrefix<T> {
  const [address = '', lengthText, extra] = cidr.trim().split('/');
  const first = newAddressWords();
  const version = parseAddressInto(address, first);
  const width = version === 4 ? 32 : 128;
  let length = lengthText === undefined ? width : Number(lengthText);
  if (version === 4 && address.includes(':')) length -= 96;
  if (version === 0 || extra !== undefined || !/^\d*$/.test(lengthText ?? '') || lengthText === '')
    throw new Error(`bad network "${cidr}"`);
  if (!Number.isInteger(length) || length < 0 || length > width) throw new Error(`bad network "${cidr}"`);
  const last = newAddressWords();
  const words = version === 4 ? 1 : 4;
  for (let w = 0; w < words; w++) {
    // Bits of this word that belong to the prefix: 32, none, or the part where the length falls.
    const kept = Math.min(32, Math.max(0, length - 32 * w));
    const mask = kept === 0 ? 0 : kept === 32 ? 0xffffffff : (0xffffffff << (32 - kept)) >>> 0;
    first[w] = (first[w]! & mask) >>> 0;
    last[w] = (first[w]! | ~mask) >>> 0;
  }
  return { version, first, last, value };
}

/** Whether the parsed address (its version and words) lies in the prefix. */
export function prefixHolds<T>(prefix: IpPrefix<T>, version: 4 | 6, words: AddressWords): boolean {
  if (prefix.version !== version) return false;
  const count = version === 4 ? 1 : 4;
  // Lexicographic comparison, word by word: first ≤ address ≤ last.
  for (let w = 0; w < count; w++) {
    const a = words[w]!;
    if (a !== prefix.first[w]) {
      if (a < prefix.first[w]!) return false;
      break;
    }
  }
  for (let w = 0; w < count; w++) {
    const a = words[w]!;
    if (a !== prefix.last[w]) return a < prefix.last[w]!;
  }
  return true;
}
