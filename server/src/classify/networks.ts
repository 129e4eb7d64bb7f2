import { isIP } from 'node:net';

// Prefixes announced by Microsoft (AS8075) and Google (AS15169), as listed in their public
// route announcements in 2026-11. Not exhaustive: operators add more with EXTRA_SCANNER_NETWORKS.
// They count **for clicks only** (Safe Links, Gmail's link scanning); Gmail's and Outlook's image
// proxies fetch from the same space and are real opens (tracking.md §2, warmbly #412).
export const MICROSOFT_NETWORKS = [
  '13.64.0.0/11',
  '13.96.0.0/13',
  '13.104.0.0/14',
  '20.0.0.0/8',
  '40.64.0.0/10',
  '52.96.0.0/12',
  '52.224.0.0/11',
  '65.52.0.0/14',
  '70.37.0.0/17',
  '104.40.0.0/13',
  '104.208.0.0/13',
  '131.253.0.0/16',
  '157.54.0.0/15',
  '157.56.0.0/14',
  '191.232.0.0/13',
  '207.46.0.0/16',
  '2603:1000::/24',
  '2a01:111::/32',
];
export const GOOGLE_NETWORKS = [
  '64.233.160.0/19',
  '66.102.0.0/20',
  '66.249.64.0/19',
  '72.14.192.0/18',
  '74.125.0.0/16',
  '108.177.0.0/17',
  '142.250.0.0/15',
  '172.217.0.0/16',
  '172.253.0.0/16',
  '173.194.0.0/16',
  '209.85.128.0/17',
  '216.58.192.0/19',
  '216.239.32.0/19',
  '2001:4860::/32',
  '2404:6800::/32',
  '2607:f8b0::/32',
  '2800:3f0::/32',
  '2a00:1450::/32',
];

/** Who announces a network: the two big mail hosts, or a range the operator listed as a scanner. */
export type NetworkOwner = 'Microsoft' | 'Google' | 'listed scanner';

interface Prefix {
  bits: bigint;
  length: number;
  width: number;
  owner: NetworkOwner;
}

function toBigInt(ip: string): { value: bigint; width: number } | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const address = mapped?.[1] ?? ip;
  const version = isIP(address);
  if (version === 4) {
    const value = address.split('.').reduce((acc, part) => (acc << 8n) + BigInt(Number(part)), 0n);
    return { value, width: 32 };
  }
  if (version !== 6) return null;
  const [head = '', tail = ''] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(missing, 0)).fill('0'), ...tailGroups];
  if (groups.some((g) => g.includes('.'))) return null;
  return { value: groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g, 16)), 0n), width: 128 };
}

function parsePrefix(cidr: string, owner: NetworkOwner): Prefix {
  const [address = '', lengthText = ''] = cidr.split('/');
  const parsed = toBigInt(address);
  const length = Number(lengthText);
  if (!parsed || !Number.isInteger(length) || length < 0 || length > parsed.width)
    throw new Error(`bad network "${cidr}"`);
  return { bits: parsed.value >> BigInt(parsed.width - length), length, width: parsed.width, owner };
}

export type NetworkLookup = (ip: string) => NetworkOwner | null;

/** Returns the owner name of the first prefix containing the address, or null. */
export function createNetworkLookup(extra: string[] = []): NetworkLookup {
  const prefixes = [
    ...MICROSOFT_NETWORKS.map((c) => parsePrefix(c, 'Microsoft')),
    ...GOOGLE_NETWORKS.map((c) => parsePrefix(c, 'Google')),
    ...extra.map((c) => parsePrefix(c, 'listed scanner')),
  ];
  // Hits come in runs from a few addresses (proxies, scanners): remember recent answers.
  const cache = new Map<string, NetworkOwner | null>();
  const lookup = (ip: string): NetworkOwner | null => {
    const parsed = toBigInt(ip);
    if (!parsed) return null;
    for (const p of prefixes) {
      if (p.width === parsed.width && parsed.value >> BigInt(p.width - p.length) === p.bits) return p.owner;
    }
    return null;
  };
  return (ip) => {
    const hit = cache.get(ip);
    if (hit !== undefined) return hit;
    if (cache.size >= 10_000) cache.clear();
    const owner = lookup(ip);
    cache.set(ip, owner);
    return owner;
  };
}
