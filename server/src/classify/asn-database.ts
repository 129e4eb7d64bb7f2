import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type AsnTables, readAsnCache, removeOtherCaches, writeAsnCache } from './asn-cache-file.ts';
import { NameInterner, parseAsnCsv } from './asn-csv.ts';
import { findV4, findV6, settleRanges } from './asn-ranges.ts';
import { type AddressWords, newAddressWords, parseAddressInto } from './ip-address.ts';
import type { AsnDatabaseStatus } from './network-kinds.ts';

// The IP-to-ASN database that ships in the npm package @ip-location-db/asn (RouteViews, the RIRs
// and DB-IP, CC BY 4.0), loaded into sorted typed arrays and searched by bisection. A database
// that cannot be read is a status with a problem, never a crash: classification goes on without it.

const DAY_MS = 86_400_000;
const IPV4_FILE = 'asn-ipv4-num.csv';
const IPV6_FILE = 'asn-ipv6-num.csv';

export interface AsnDatabaseOptions {
  /** Where the CSVs and package.json are; empty means the installed package. */
  dir: string;
  /** Where the binary cache goes; empty means os.tmpdir()/icc-asn-cache. */
  cacheDir: string;
  /** Older than this the database is reported stale (ASN_DATABASE_MAX_AGE_DAYS). */
  maxAgeDays: number;
  now?: number;
}

export interface AsnMatch {
  asn: number;
  name: string;
}

export interface AsnDatabase {
  status: AsnDatabaseStatus;
  /** What the start log says the data is: the package's name, or the folder it came from. */
  source: string;
  /** How long opening took, and whether the cache was read ("cache"), written ("built") or neither. */
  load: { ms: number; from: 'cache' | 'built' | 'csv' | 'none' };
  /** The ASN holding an address given as text; null for an unknown address or garbage. */
  lookup(ip: string): AsnMatch | null;
  /** The same, for an address parseAddressInto has read. */
  lookupWords(version: 4 | 6, words: AddressWords): AsnMatch | null;
}

/** The folder of the installed @ip-location-db/asn. */
export function installedAsnDatabaseDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@ip-location-db/asn/package.json'));
}

/** Where the package would be when it is not installed: reading it then fails with ENOENT. */
function installedDirOrGuess(): string {
  try {
    return installedAsnDatabaseDir();
  } catch {
    return join('node_modules', '@ip-location-db', 'asn');
  }
}

/** "2.3.2026061719" → the day it was built (the last part is YYYYMMDDHH), or null. */
export function builtAtOfVersion(version: string): Date | null {
  const m = /^\d+\.\d+\.(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(version);
  if (!m) return null;
  const [, y, mo, d, h] = m.map(Number) as [number, number, number, number, number];
  // The day only: a reader counts "built 2026-06-17, 167 days old" in calendar days.
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCMonth() === mo - 1 && at.getUTCDate() === d && h < 24 ? at : null;
}

function readPackage(dir: string): { name: string | null; version: string | null } {
  try {
    const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
    return {
      name: typeof json.name === 'string' ? json.name : null,
      version: typeof json.version === 'string' ? json.version : null,
    };
  } catch {
    return { name: null, version: null };
  }
}

function buildTables(dir: string): AsnTables {
  const names = new NameInterner();
  const v4 = parseAsnCsv(readFileSync(join(dir, IPV4_FILE)), 1, names).table;
  const v6 = parseAsnCsv(readFileSync(join(dir, IPV6_FILE)), 4, names).table;
  settleRanges(v4);
  settleRanges(v6);
  return { v4, v6, names: names.finish() };
}

function matcher(tables: AsnTables | null) {
  const decoded: (string | undefined)[] = [];
  const nameAt = (i: number): string => {
    let name = decoded[i];
    if (name === undefined) {
      const { offsets, bytes } = tables!.names;
      name = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8', offsets[i], offsets[i + 1]);
      decoded[i] = name;
    }
    return name;
  };
  const lookupWords = (version: 4 | 6, words: AddressWords): AsnMatch | null => {
    if (!tables) return null;
    const i = version === 4 ? findV4(tables.v4, words[0]!) : findV6(tables.v6, words);
    return i < 0 ? null : { asn: tables.names.asns[i]!, name: nameAt(i) };
  };
  const scratch = newAddressWords();
  const lookup = (ip: string): AsnMatch | null => {
    const version = parseAddressInto(ip, scratch);
    return version === 0 ? null : lookupWords(version, scratch);
  };
  return { lookup, lookupWords };
}

/** A cache that cannot be written leaves the parsed tables in use: only the next start is slower. */
function saveCache(dir: string, file: string, key: string, tables: AsnTables): boolean {
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    return false;
  }
  return writeAsnCache(file, key, tables);
}

/** Opens the database, from the binary cache when it has one for these files. Never throws. */
export function openAsnDatabase(options: AsnDatabaseOptions): AsnDatabase {
  const started = performance.now();
  const now = options.now ?? Date.now();
  const dir = resolve(options.dir || installedDirOrGuess());
  const pkg = readPackage(dir);
  const source = pkg.name ?? dir;
  const builtAt = pkg.version ? builtAtOfVersion(pkg.version) : null;
  const ageDays = builtAt ? Math.floor((now - builtAt.getTime()) / DAY_MS) : null;
  const stale = ageDays !== null && ageDays > options.maxAgeDays;
  const status: AsnDatabaseStatus = {
    loaded: false,
    version: pkg.version,
    builtAt: builtAt?.toISOString().slice(0, 10) ?? null,
    ageDays,
    stale,
    ranges: 0,
    problem: null,
  };
  let tables: AsnTables | null = null;
  let from: AsnDatabase['load']['from'] = 'none';
  try {
    const v4Size = statSync(join(dir, IPV4_FILE)).size;
    const v6Size = statSync(join(dir, IPV6_FILE)).size;
    const dirTag = createHash('sha256').update(dir).digest('hex').slice(0, 12);
    const key = `${dir}|${pkg.version ?? 'no version'}|${v4Size}|${v6Size}`;
    const cacheDir = options.cacheDir || join(tmpdir(), 'icc-asn-cache');
    const prefix = `asn-${dirTag}-`;
    const fileName = `${prefix}${(pkg.version ?? 'unversioned').replace(/[^\w.-]/g, '_')}-${v4Size}-${v6Size}.bin`;
    const cacheFile = join(cacheDir, fileName);
    tables = readAsnCache(cacheFile, key);
    from = 'cache';
    if (!tables) {
      tables = buildTables(dir);
      from = 'csv';
      if (saveCache(cacheDir, cacheFile, key, tables)) {
        from = 'built';
        removeOtherCaches(cacheDir, prefix, fileName);
      }
    }
  } catch (error) {
    tables = null;
    from = 'none';
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    status.problem = `The ASN database in ${dir} could not be read (${reason}), so networks are judged without their owners.`;
  }
  if (tables) {
    status.loaded = true;
    status.ranges = tables.v4.count + tables.v6.count;
    if (status.ranges === 0) {
      status.loaded = false;
      status.problem = `The ASN database in ${dir} holds no ranges, so networks are judged without their owners.`;
    } else if (!pkg.version || !builtAt) {
      status.problem = `The ASN database in ${dir} has no version of the form 2.3.YYYYMMDDHH in its package.json, so its age is unknown.`;
    } else if (stale) {
      status.problem = `The ASN database was built ${status.builtAt}, ${ageDays} days ago, more than ASN_DATABASE_MAX_AGE_DAYS (${options.maxAgeDays}): update ${source}.`;
    }
  }
  return {
    status,
    source,
    load: { ms: performance.now() - started, from },
    ...matcher(status.loaded ? tables : null),
  };
}
