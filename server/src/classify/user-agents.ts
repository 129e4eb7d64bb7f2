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

/** The webmail whose image proxy fetched the pixel, and the UA marker that says so. */
export function imageProxyOf(ua: string): { service: string; marker: string } | null {
  if (ua.includes('GoogleImageProxy')) return { service: 'Gmail', marker: 'GoogleImageProxy' };
  if (ua.includes('YahooMailProxy')) return { service: 'Yahoo Mail', marker: 'YahooMailProxy' };
  return null;
}

/** Apple Mail Privacy Protection forces a bare "Mozilla/5.0" (uap-core #509, since 2021-09-20). */
export function isBareMozilla(ua: string): boolean {
  return ua.trim() === 'Mozilla/5.0';
}

/** A WebKit UA cut off after "(KHTML, like Gecko)": Apple's (or Outlook's) privacy fetcher. */
export function isTruncatedWebKit(ua: string): boolean {
  return /AppleWebKit\/[\d.]+ \(KHTML, like Gecko\)\s*$/i.test(ua);
}

/** Mail clients and browsers a person reads mail with. */
export function mailClientName(ua: string): 'Outlook' | 'Thunderbird' | 'browser' | null {
  if (/Microsoft Outlook|Outlook-iOS|Outlook-Android|ms-office|Microsoft Office\//i.test(ua)) return 'Outlook';
  if (/Thunderbird/i.test(ua)) return 'Thunderbird';
  if (/^Mozilla\/5\.0 \(.+\) .*(Gecko|Safari|Chrome|Firefox|Mobile)/.test(ua)) return 'browser';
  return null;
}
