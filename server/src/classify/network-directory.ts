import type { Config } from '../config.ts';
import { openAsnDatabase } from './asn-database.ts';
import { newAddressWords, parseAddressInto } from './ip-address.ts';
import { type IpPrefix, parsePrefix, prefixHolds } from './ip-prefixes.ts';
import type { AsnDatabaseStatus, NetworkFacts, NetworkLookup, NetworkOwner } from './network-kinds.ts';
import { ASN_OWNERS, EOP_OWNER, EOP_PREFIXES, LISTED_SCANNER_OWNER } from './network-owners.ts';

/** Hits come in runs from a few addresses (proxies, scanners): this many recent answers are kept. */
const REMEMBERED = 10_000;
const NOTHING: NetworkFacts = Object.freeze({ asn: null, asName: null, owner: null, local: false });
const LOCAL: NetworkFacts = Object.freeze({ asn: null, asName: null, owner: null, local: true });
/** RFC 1918, loopback and link-local, IPv4 and IPv6 (RFC 6890). CGNAT's 100.64.0.0/10 is not: no public server sees it. */
const LOCAL_PREFIXES = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '::1/128',
  'fc00::/7',
  'fe80::/10',
].map((cidr) => parsePrefix(cidr, true));

export interface NetworkDirectory {
  lookup: NetworkLookup;
  status: AsnDatabaseStatus;
  /** One line for the start log: which database, how old, how big, how fast it loaded, or what is wrong. */
  summary: string;
}

type DirectoryConfig = Pick<
  Config,
  'asnDatabaseDir' | 'asnDatabaseMaxAgeDays' | 'asnCacheDir' | 'extraScannerNetworks'
>;

function describe(source: string, status: AsnDatabaseStatus, ms: number, from: string): string {
  if (!status.loaded) return `ASN database not loaded: ${status.problem}`;
  const age = status.builtAt ? ` (built ${status.builtAt}, ${status.ageDays} days old)` : '';
  const how = from === 'cache' ? 'from its cache' : 'from the CSVs';
  const line = `ASN database ${source} ${status.version ?? ''}${age}, ${status.ranges.toLocaleString('en-US')} ranges, loaded in ${Math.round(ms)} ms ${how}`;
  return status.problem ? `${line}; ${status.stale ? 'STALE: ' : ''}${status.problem}` : line;
}

/**
 * Opens what the classifier knows of networks: the prefix rows first (the operator's
 * EXTRA_SCANNER_NETWORKS, then Exchange Online Protection's published ranges), then the ASN
 * database and our table of what each ASN's owner does. Throws only for a mistyped
 * EXTRA_SCANNER_NETWORKS; a missing database is a status with a problem.
 */
export function openNetworkDirectory(config: DirectoryConfig, now = Date.now()): NetworkDirectory {
  // The operator's list comes first: it is what this server knows of its own recipients' scanners.
  const prefixes: IpPrefix<NetworkOwner>[] = [
    ...config.extraScannerNetworks.map((cidr) => parsePrefix(cidr, LISTED_SCANNER_OWNER)),
    ...EOP_PREFIXES.map((cidr) => parsePrefix(cidr, EOP_OWNER)),
  ];
  const owners = new Map<number, NetworkOwner>();
  for (const owner of ASN_OWNERS) if (owner.asn !== null) owners.set(owner.asn, owner);
  const db = openAsnDatabase({
    dir: config.asnDatabaseDir,
    cacheDir: config.asnCacheDir,
    maxAgeDays: config.asnDatabaseMaxAgeDays,
    now,
  });

  const words = newAddressWords();
  const answer = (ip: string): NetworkFacts => {
    const version = parseAddressInto(ip, words);
    if (version === 0) return NOTHING;
    let owner = prefixes.find((p) => prefixHolds(p, version, words))?.value ?? null;
    if (!owner && LOCAL_PREFIXES.some((p) => prefixHolds(p, version, words))) return LOCAL;
    const match = db.lookupWords(version, words);
    if (!owner && match) owner = owners.get(match.asn) ?? null;
    if (!match && !owner) return NOTHING;
    return Object.freeze({ asn: match?.asn ?? null, asName: match?.name ?? null, owner, local: false });
  };
  // Two generations: when the newer fills, it becomes the older and the older is dropped. Evicting
  // one oldest key at a time instead made each miss cost ~9 µs (V8 walks a Map's deleted slots).
  let recent = new Map<string, NetworkFacts>();
  let older = new Map<string, NetworkFacts>();
  const lookup: NetworkLookup = (ip) => {
    let facts = recent.get(ip);
    if (facts) return facts;
    facts = older.get(ip) ?? answer(ip);
    if (typeof ip === 'string' && ip.length <= 64) {
      if (recent.size >= REMEMBERED / 2) {
        older = recent;
        recent = new Map();
      }
      recent.set(ip, facts);
    }
    return facts;
  };
  return { lookup, status: db.status, summary: describe(db.source, db.status, db.load.ms, db.load.from) };
}
