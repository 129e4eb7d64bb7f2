import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyHit, type HitFacts } from '../../src/classify/classify-hit.ts';
import { createNetworkLookup } from '../../src/classify/networks.ts';

// Every user agent below is quoted from ../shared/reference/user-agents.md.
const UA = {
  gmailProxy: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
  yahooProxy: 'YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html',
  appleBare: 'Mozilla/5.0',
  appleTruncated: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
  outlookDesktop: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.6326; Pro)',
  outlookMail: 'Microsoft Office/16.0 (Microsoft Outlook Mail 16.0.6525; Pro)',
  msOffice: 'Mozilla/4.0 (compatible; ms-office; MSOffice 16)',
  outlookIos: 'Outlook-iOS/665.29827.prod.iphone (2.63.0)',
  existenceDiscovery: 'Microsoft Office Existence Discovery',
  safeLinks:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/72.0.3626.109 Safari/537.36',
  bingPreview: 'Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/534+ (KHTML, like Gecko) BingPreview/1.0b',
  spamFilter:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/42.0.2311.135 Safari/537.36 Edge/12.246 Mozilla/5.0',
  barracuda: 'Barracuda Sentinel (EE)',
};

const rules = {
  scannerWindowMs: 30_000,
  selfViewWindowMs: 10_000,
  mppWindowMs: 900_000,
  networkOf: createNetworkLookup(),
};
const sentAt = Date.parse('2026-11-20T09:00:00Z');
const hour = 3_600_000;

function hit(over: Partial<HitFacts>): HitFacts {
  return {
    kind: 'view',
    method: 'GET',
    userAgent: UA.safeLinks,
    ip: '198.51.100.7',
    purpose: '',
    at: sentAt + hour,
    sentAt,
    lastSelfViewAt: null,
    ...over,
  };
}

const table: [string, Partial<HitFacts>, string, RegExp][] = [
  [
    'Gmail opens through its image proxy: a real open',
    { userAgent: UA.gmailProxy, ip: '66.102.8.1' },
    'proxy',
    /GoogleImageProxy/,
  ],
  ['Yahoo opens through its proxy: a real open', { userAgent: UA.yahooProxy }, 'proxy', /Yahoo/],
  [
    'Outlook.com image proxy from Microsoft space: a real open',
    { userAgent: UA.safeLinks, ip: '40.94.16.20' },
    'proxy',
    /Outlook image proxy/,
  ],
  ['Apple MPP bare Mozilla/5.0', { userAgent: UA.appleBare }, 'prefetch', /Apple Mail Privacy/],
  [
    'Apple MPP truncated WebKit UA minutes after send',
    { userAgent: UA.appleTruncated, at: sentAt + 120_000 },
    'prefetch',
    /delivery window/,
  ],
  [
    'truncated WebKit UA days later is not called MPP',
    { userAgent: UA.appleTruncated, at: sentAt + 48 * hour },
    'unknown',
    /truncated WebKit/,
  ],
  ['Outlook desktop opens', { userAgent: UA.outlookDesktop }, 'human', /Outlook/],
  ['Outlook Mail opens', { userAgent: UA.outlookMail }, 'human', /Outlook/],
  ['Office ms-office fetch opens', { userAgent: UA.msOffice }, 'human', /Outlook/],
  ['Outlook iOS opens', { userAgent: UA.outlookIos }, 'human', /Outlook/],
  [
    'a browser click from a home address',
    { kind: 'click', userAgent: UA.safeLinks, ip: '203.0.113.9' },
    'human',
    /browser/,
  ],
  [
    'Safe Links scan: click from Microsoft network',
    { kind: 'click', userAgent: UA.safeLinks, ip: '40.107.235.12' },
    'scanner',
    /Microsoft network/,
  ],
  [
    'Google network click (link scanning)',
    { kind: 'click', userAgent: UA.safeLinks, ip: '66.249.66.1' },
    'scanner',
    /Google network/,
  ],
  [
    'Office Existence Discovery probe',
    { kind: 'click', userAgent: UA.existenceDiscovery },
    'scanner',
    /existence discovery/,
  ],
  ['BingPreview fetch', { kind: 'click', userAgent: UA.bingPreview }, 'scanner', /bingpreview/],
  ['spam filter with a doubled Mozilla/5.0', { userAgent: UA.spamFilter }, 'scanner', /duplicated/],
  ['Barracuda Sentinel', { kind: 'click', userAgent: UA.barracuda }, 'scanner', /barracuda/],
  ['empty user agent', { userAgent: '' }, 'scanner', /empty user agent/],
  [
    'hit 12 s after send (resend-node#901)',
    { userAgent: UA.gmailProxy, at: sentAt + 12_000 },
    'scanner',
    /12 s after send/,
  ],
  ['HEAD probe of a link', { kind: 'click', method: 'HEAD' }, 'prefetch', /HEAD/],
  ['Chrome speculative prefetch', { purpose: 'prefetch;prerender' }, 'prefetch', /purpose header/],
  [
    'rep opens own message (hit 4 s after the self-view)',
    { userAgent: UA.gmailProxy, lastSelfViewAt: sentAt + hour - 4000 },
    'self',
    /rep opened/,
  ],
  ['rep self-view 8 s after the hit still counts', { lastSelfViewAt: sentAt + hour + 8000 }, 'self', /rep opened/],
  [
    'self-view 20 s away does not',
    { userAgent: UA.outlookDesktop, lastSelfViewAt: sentAt + hour - 20_000 },
    'human',
    /Outlook/,
  ],
  ['unrecognised tool', { userAgent: 'SomeFetcher/2.1' }, 'unknown', /unrecognised/],
];

describe('classification of hits, on the real user agents', () => {
  for (const [story, facts, expected, reason] of table) {
    it(story, () => {
      const verdict = classifyHit(hit(facts), rules);
      assert.equal(verdict.classification, expected, verdict.reason);
      assert.match(verdict.reason, reason);
    });
  }

  it('the scanner window is configurable (SCANNER_WINDOW_SECONDS)', () => {
    const at = sentAt + 45_000;
    assert.equal(classifyHit(hit({ userAgent: UA.outlookDesktop, at }), rules).classification, 'human');
    assert.equal(
      classifyHit(hit({ userAgent: UA.outlookDesktop, at }), { ...rules, scannerWindowMs: 60_000 }).classification,
      'scanner',
    );
  });

  it('Google space counts as an open for views but as a scanner for clicks', () => {
    assert.equal(classifyHit(hit({ userAgent: UA.gmailProxy, ip: '66.249.80.3' }), rules).classification, 'proxy');
    assert.equal(
      classifyHit(hit({ kind: 'click', userAgent: UA.safeLinks, ip: '66.249.80.3' }), rules).classification,
      'scanner',
    );
  });

  it('IPv6 and IPv4-mapped addresses are matched against the networks', () => {
    const lookup = createNetworkLookup(['192.0.2.0/24']);
    assert.equal(lookup('2a01:111:f400::5'), 'Microsoft');
    assert.equal(lookup('2607:f8b0:4004:c07::64'), 'Google');
    assert.equal(lookup('::ffff:40.107.1.1'), 'Microsoft');
    assert.equal(lookup('192.0.2.44'), 'listed scanner');
    assert.equal(lookup('203.0.113.1'), null);
    assert.equal(lookup('not an ip'), null);
  });
});
