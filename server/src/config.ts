import { readFileSync } from 'node:fs';

export interface Config {
  host: string;
  port: number;
  publicBaseUrl: string;
  /** postgres://… switches storage to PostgreSQL; empty means embedded SQLite in dataDir. */
  databaseUrl: string;
  dataDir: string;
  /** When set, tokens carry an HMAC tag and forged ones are dropped before any storage work. */
  tokenSecret: string;
  scannerWindowSeconds: number;
  selfViewWindowSeconds: number;
  mppWindowSeconds: number;
  burstLinks: number;
  burstWindowSeconds: number;
  /** Feed rows younger than this are held back so late self-views and bursts can still re-label them. */
  feedSettleSeconds: number;
  trackOpens: boolean;
  trackClicks: boolean;
  storeIpUa: boolean;
  rawHitRetentionDays: number;
  untrackedRecipientDomains: string[];
  untrackedLinkDomains: string[];
  extraScannerNetworks: string[];
  /** The IP-to-ASN database's folder (its CSVs and package.json); empty means the installed @ip-location-db/asn. */
  asnDatabaseDir: string;
  /** Older than this the ASN database is reported stale (the start log, /healthz). */
  asnDatabaseMaxAgeDays: number;
  /** Where the parsed ASN database is cached between starts; empty means os.tmpdir()/icc-asn-cache. */
  asnCacheDir: string;
  rateLimitPerMinute: number;
  /** A client must have sent its request headers within this long of starting them (slow-header attacks). */
  headersTimeoutSeconds: number;
  /** An idle keep-alive connection is closed after this long. */
  keepAliveTimeoutSeconds: number;
  /** Open connections one client address may hold (0 = no cap); not applied behind a proxy (TRUST_PROXY). */
  maxConnectionsPerAddress: number;
  trustProxy: boolean;
  /** The largest mail POST /v1/send takes: its html and text together, in bytes of UTF-8. */
  maxSendBytes: number;
  smtpHost: string;
  smtpPort: number;
  smtpSecure: boolean;
  smtpUser: string;
  smtpPass: string;
  bounceDomain: string;
  inboundSmtpHost: string;
  /** 0 disables the inbound bounce listener. */
  inboundSmtpPort: number;
  retryDelaysSeconds: number[];
  schedulerIntervalMs: number;
  logLevel: string;
}

export const defaultConfig: Config = {
  host: '127.0.0.1',
  port: 8787,
  publicBaseUrl: '',
  databaseUrl: '',
  dataDir: './data',
  tokenSecret: '',
  scannerWindowSeconds: 30,
  selfViewWindowSeconds: 10,
  mppWindowSeconds: 900,
  burstLinks: 3,
  burstWindowSeconds: 2,
  feedSettleSeconds: 10,
  trackOpens: true,
  trackClicks: true,
  storeIpUa: true,
  rawHitRetentionDays: 30,
  untrackedRecipientDomains: [],
  untrackedLinkDomains: [],
  extraScannerNetworks: [],
  asnDatabaseDir: '',
  // A year: the package is built from daily data, but ASNs change owners slowly.
  asnDatabaseMaxAgeDays: 365,
  asnCacheDir: '',
  rateLimitPerMinute: 1200,
  headersTimeoutSeconds: 10,
  keepAliveTimeoutSeconds: 5,
  maxConnectionsPerAddress: 64,
  trustProxy: false,
  // 10 MiB: grown by up to a third by the MIME encoding, still under what common relays take
  // (Gmail 25 MB, Amazon SES 40 MB).
  maxSendBytes: 10 * 1024 * 1024,
  smtpHost: '',
  smtpPort: 587,
  smtpSecure: false,
  smtpUser: '',
  smtpPass: '',
  bounceDomain: 'bounce.localhost',
  inboundSmtpHost: '127.0.0.1',
  inboundSmtpPort: 0,
  retryDelaysSeconds: [60, 300, 1800, 7200],
  schedulerIntervalMs: 1000,
  logLevel: 'warn',
};

type Kind = 'string' | 'number' | 'boolean' | 'list' | 'numbers' | 'bytes';
const keyKinds: { [K in keyof Config]: Kind } = {
  host: 'string',
  port: 'number',
  publicBaseUrl: 'string',
  databaseUrl: 'string',
  dataDir: 'string',
  tokenSecret: 'string',
  scannerWindowSeconds: 'number',
  selfViewWindowSeconds: 'number',
  mppWindowSeconds: 'number',
  burstLinks: 'number',
  burstWindowSeconds: 'number',
  feedSettleSeconds: 'number',
  trackOpens: 'boolean',
  trackClicks: 'boolean',
  storeIpUa: 'boolean',
  rawHitRetentionDays: 'number',
  untrackedRecipientDomains: 'list',
  untrackedLinkDomains: 'list',
  extraScannerNetworks: 'list',
  asnDatabaseDir: 'string',
  asnDatabaseMaxAgeDays: 'number',
  asnCacheDir: 'string',
  rateLimitPerMinute: 'number',
  headersTimeoutSeconds: 'number',
  keepAliveTimeoutSeconds: 'number',
  maxConnectionsPerAddress: 'number',
  trustProxy: 'boolean',
  maxSendBytes: 'bytes',
  smtpHost: 'string',
  smtpPort: 'number',
  smtpSecure: 'boolean',
  smtpUser: 'string',
  smtpPass: 'string',
  bounceDomain: 'string',
  inboundSmtpHost: 'string',
  inboundSmtpPort: 'number',
  retryDelaysSeconds: 'numbers',
  schedulerIntervalMs: 'number',
  logLevel: 'string',
};

const MIN_BYTES = 1024;
const MAX_BYTES = 100 * 1024 * 1024;

/** camelCase key → SCREAMING_SNAKE env name, e.g. scannerWindowSeconds → SCANNER_WINDOW_SECONDS. */
export function envName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
}

function parseValue(kind: Kind, raw: unknown, where: string): Config[keyof Config] {
  const text = Array.isArray(raw) ? raw.join(',') : String(raw).trim();
  switch (kind) {
    case 'string':
      return text;
    case 'number': {
      const n = Number(text);
      if (text === '' || !Number.isFinite(n) || n < 0)
        throw new Error(`${where}: expected a non-negative number, got "${text}"`);
      return n;
    }
    case 'boolean':
      if (/^(1|true|yes|on)$/i.test(text)) return true;
      if (/^(0|false|no|off)$/i.test(text)) return false;
      throw new Error(`${where}: expected true/false, got "${text}"`);
    case 'list':
      return text
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean);
    case 'numbers':
      return text.split(',').map((s) => parseValue('number', s, where) as number);
    case 'bytes': {
      // A send's body, up to twice this (http/body-limits.ts), is read whole into memory: hence a ceiling.
      const n = Number(text);
      if (!Number.isInteger(n) || n < MIN_BYTES || n > MAX_BYTES)
        throw new Error(`${where}: expected a whole number of bytes from ${MIN_BYTES} to ${MAX_BYTES}, got "${text}"`);
      return n;
    }
  }
}

/** Defaults ← JSON config file ← environment (env wins, so one file can serve several instances). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)): Config {
  const flag = argv.indexOf('--config');
  const file = flag >= 0 ? argv[flag + 1] : env.CONFIG_FILE;
  const fromFile: Record<string, unknown> = file ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const config: Record<string, unknown> = { ...defaultConfig };
  for (const [key, value] of Object.entries(fromFile)) {
    const kind = keyKinds[key as keyof Config];
    if (!kind) throw new Error(`${file}: unknown setting "${key}"`);
    config[key] = parseValue(kind, value, `${file}: ${key}`);
  }
  for (const [key, kind] of Object.entries(keyKinds)) {
    const raw = env[envName(key)];
    if (raw !== undefined && raw !== '') config[key] = parseValue(kind, raw, envName(key));
  }
  const result = config as unknown as Config;
  if (!result.publicBaseUrl) result.publicBaseUrl = `http://${result.host}:${result.port}`;
  result.publicBaseUrl = result.publicBaseUrl.replace(/\/+$/, '');
  return result;
}
