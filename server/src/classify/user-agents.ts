// User-agent markers, all from ../shared/reference/user-agents.md (sources listed there).

/** Lower-case substrings of link scanners and security gateways (warmbly tracking/src/abuse.rs). */
export const SCANNER_UA_MARKERS = [
  'urldefense',
  'safelinks',
  'barracuda',
  'mimecast',
  'proofpoint',
  'forcepoint',
  'symantec',
  'trendmicro',
  'sophos',
  'zscaler',
  'bingpreview',
  'skypeuripreview',
  'headless',
  'python-requests',
  'go-http-client',
  'curl/',
  'wget/',
  'microsoft office existence discovery',
  // Our own, each from a public crawler list: Norton Safe Web's link checker
  // (matomo-org/device-detector Tests/fixtures/bots.yml, not yet in node-device-detector).
  'norton-safeweb',
];

/** What gives a scanner away in its user agent: nothing at all, a known marker, or a doubled prefix. */
export type ScannerSign = { kind: 'empty' } | { kind: 'marker'; marker: string } | { kind: 'duplicatedMozilla' };

export function scannerSign(ua: string): ScannerSign | null {
  const lower = ua.toLowerCase();
  if (lower.trim() === '') return { kind: 'empty' };
  const marker = SCANNER_UA_MARKERS.find((m) => lower.includes(m));
  if (marker) return { kind: 'marker', marker };
  // An anti-virus/spam filter was reported sending a UA with a second "Mozilla/5.0" glued on.
  if (lower.indexOf('mozilla/5.0') !== lower.lastIndexOf('mozilla/5.0')) return { kind: 'duplicatedMozilla' };
  return null;
}

/**
 * Webmail image proxies, by a UA marker: Gmail and Yahoo (user-agents.md); Fastmail's fetcher, which
 * loads remote images for the reader when they open the message (fastmail.help, "Blocking remote
 * images"). The device detector names more (Rambler, Seznam, ukr.net…): user-agent-class.ts.
 */
const IMAGE_PROXIES: readonly { marker: string; service: string }[] = [
  { marker: 'GoogleImageProxy', service: 'Gmail' },
  { marker: 'YahooMailProxy', service: 'Yahoo Mail' },
  { marker: 'FastmailUA/', service: 'Fastmail' },
];

/** The webmail whose image proxy fetched the pixel, and the UA marker that says so. */
export function imageProxyOf(ua: string): { service: string; marker: string } | null {
  return IMAGE_PROXIES.find((p) => ua.includes(p.marker)) ?? null;
}

/**
 * Mail clients the libraries do not know yet, each named in a public UA corpus: GNOME Evolution
 * (matomo-org/device-detector Tests/Parser/Client/fixtures/pim.yml, newer than the regexes
 * node-device-detector ships).
 */
const MAIL_CLIENTS: readonly [RegExp, string][] = [[/^Evolution\/\d/, 'Evolution']];

export function mailClientOf(ua: string): string | null {
  return MAIL_CLIENTS.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
}

/** Apple Mail Privacy Protection forces a bare "Mozilla/5.0" (uap-core #509, since 2021-09-20). */
export function isBareMozilla(ua: string): boolean {
  return ua.trim() === 'Mozilla/5.0';
}

/** A WebKit UA cut off after "(KHTML, like Gecko)": Apple's (or Outlook's) privacy fetcher. */
export function isTruncatedWebKit(ua: string): boolean {
  return /AppleWebKit\/[\d.]+ \(KHTML, like Gecko\)\s*$/i.test(ua);
}

export interface AppleOs {
  platform: 'macOS' | 'iOS';
  major: number;
  minor: number;
  patch: number;
  /** As a rep reads it: "macOS 10.13.6". */
  label: string;
}

/**
 * The Apple OS a WebKit UA names: "Intel Mac OS X 10_13_6" or "CPU iPhone OS 14_8 like Mac OS X".
 * Safari and Mail froze the macOS version at 10_15_7 from macOS 11 on, so only an older one is exact.
 */
export function appleOsOf(ua: string): AppleOs | null {
  const mac = /Mac OS X (\d+)[_.](\d+)(?:[_.](\d+))?/.exec(ua);
  const ios = /(?:iPhone|CPU) OS (\d+)_(\d+)(?:_(\d+))?/.exec(ua);
  const match = ios ?? mac;
  if (!match) return null;
  const platform = ios ? 'iOS' : 'macOS';
  const [major, minor, patch] = [match[1], match[2], match[3]].map((n) => Number(n ?? 0)) as [number, number, number];
  return { platform, major, minor, patch, label: `${platform} ${major}.${minor}${patch ? `.${patch}` : ''}` };
}

/**
 * Mail Privacy Protection came with macOS 12 and iOS 15 (Apple, 2021-09-20; uap-core #509). A Mail
 * that names an older system fetches images itself, from the reader's own network. macOS 10.15.7
 * is what every newer Mac says too, so it is not taken as older.
 */
export function isBeforeMpp(os: AppleOs): boolean {
  if (os.platform === 'iOS') return os.major < 15;
  if (os.major !== 10) return false;
  return os.minor < 15 || (os.minor === 15 && os.patch < 7);
}
