import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyHit, type HitFacts } from '../../src/classify/classify-hit.ts';
import { LinkBursts, type SeenClick } from '../../src/classify/link-bursts.ts';
import type { NetworkFacts, NetworkKind } from '../../src/classify/network-kinds.ts';
import { UserAgentClassifier } from '../../src/classify/user-agent-class.ts';

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
  addressesKnown: true,
};
const agents = new UserAgentClassifier();
const unknownNetwork: NetworkFacts = { asn: null, asName: null, owner: null, local: false };
/** A network our table knows; the ASNs are the real ones of these owners. */
function net(kind: NetworkKind, name: string, asn: number | null = 64_500): NetworkFacts {
  return { asn, asName: name, owner: { asn, name, kind, source: 'test' }, local: false };
}
const NET = {
  microsoft: net('mailHost', 'Microsoft', 8075),
  google: net('mailHost', 'Google', 15169),
  eop: net('mailFiltering', 'Exchange Online Protection', null),
  mimecast: net('mailSecurity', 'Mimecast', 30031),
  comcast: net('consumerIsp', 'Comcast', 7922),
  aws: net('cloudHosting', 'Amazon Web Services', 16509),
  apple: net('appleRelay', 'Apple', 714),
  listed: net('listedScanner', 'listed scanner', null),
};
const sentAt = Date.parse('2026-11-20T09:00:00Z');
const hour = 3_600_000;

type Story = Partial<Omit<HitFacts, 'agent'>> & { userAgent?: string };
function hit({ userAgent = UA.safeLinks, ...over }: Story): HitFacts {
  return {
    kind: 'view',
    method: 'GET',
    purpose: '',
    at: sentAt + hour,
    sentAt,
    lastSelfViewAt: null,
    network: NET.comcast,
    agent: agents.classify(userAgent),
    ...over,
  };
}

const table: [string, Story, string, RegExp][] = [
  [
    'Gmail opens through its image proxy: a real open',
    { userAgent: UA.gmailProxy, network: NET.google },
    'proxy',
    /GoogleImageProxy/,
  ],
  ['Yahoo opens through its proxy: a real open', { userAgent: UA.yahooProxy }, 'proxy', /Yahoo/],
  [
    'Outlook.com image proxy from Microsoft space: a real open',
    { userAgent: UA.safeLinks, network: NET.microsoft },
    'proxy',
    /Outlook image proxy/,
  ],
  [
    'Apple MPP bare Mozilla/5.0',
    { userAgent: UA.appleBare, network: unknownNetwork },
    'prefetch',
    /Apple Mail Privacy/,
  ],
  [
    'Apple MPP truncated WebKit UA minutes after send',
    { userAgent: UA.appleTruncated, at: sentAt + 120_000, network: unknownNetwork },
    'prefetch',
    /delivery window/,
  ],
  [
    'truncated WebKit UA days later, from no known network, is not called MPP',
    { userAgent: UA.appleTruncated, at: sentAt + 48 * hour, network: unknownNetwork },
    'unknown',
    /truncated WebKit/,
  ],
  [
    'truncated WebKit UA days later from Apple: a late MPP fetch',
    { userAgent: UA.appleTruncated, at: sentAt + 48 * hour, network: NET.apple },
    'prefetch',
    /Apple/,
  ],
  [
    'truncated WebKit UA from a home network after delivery: Apple Mail itself',
    { userAgent: UA.appleTruncated, at: sentAt + 2 * hour, network: NET.comcast },
    'human',
    /own network \(Comcast\)/,
  ],
  [
    'Apple Mail on a Mac older than MPP, minutes after send',
    {
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_6) AppleWebKit/605.1.15 (KHTML, like Gecko)',
      at: sentAt + 120_000,
    },
    'human',
    /macOS 10\.13\.6/,
  ],
  [
    'a Mimecast re-check hours after delivery, browser UA',
    { kind: 'click', userAgent: UA.safeLinks, network: NET.mimecast, at: sentAt + 5 * hour },
    'scanner',
    /Mimecast/,
  ],
  ['EOP fetching the pixel is not an Outlook open', { network: NET.eop }, 'scanner', /read no mailbox/],
  [
    'a browser from a cloud network: a VPN user or a scanner',
    { kind: 'click', network: NET.aws },
    'unknown',
    /data-centre/,
  ],
  [
    'a browser from an address no network announces',
    { kind: 'click', network: unknownNetwork },
    'unknown',
    /no network announces/,
  ],
  [
    'bare Mozilla/5.0 from a home line is not Apple',
    { userAgent: UA.appleBare, network: NET.comcast },
    'unknown',
    /unrecognised/,
  ],
  [
    'Thunderbird on Linux',
    { userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:102.0) Gecko/20100101 Thunderbird/102.10.0' },
    'human',
    /Thunderbird/,
  ],
  ['Postbox, no browser-style UA', { userAgent: 'Postbox 7.0.60 (Windows/20220517)' }, 'human', /Postbox/],
  ['a named crawler', { kind: 'click', userAgent: 'python-requests/2.31.0' }, 'scanner', /python-requests/i],
  ['a 64 KB user agent', { userAgent: 'A'.repeat(65_536) }, 'unknown', /unrecognised/],
  ['Outlook desktop opens', { userAgent: UA.outlookDesktop }, 'human', /Outlook/],
  ['Outlook Mail opens', { userAgent: UA.outlookMail }, 'human', /Outlook/],
  ['Office ms-office fetch opens', { userAgent: UA.msOffice }, 'human', /Outlook/],
  ['Outlook iOS opens', { userAgent: UA.outlookIos }, 'human', /Outlook/],
  [
    'a browser click from a home address',
    { kind: 'click', userAgent: UA.safeLinks, network: NET.comcast },
    'human',
    /browser/,
  ],
  [
    'Safe Links scan: click from Microsoft network',
    { kind: 'click', userAgent: UA.safeLinks, network: NET.microsoft },
    'scanner',
    /Microsoft network/,
  ],
  [
    'Google network click (link scanning)',
    { kind: 'click', userAgent: UA.safeLinks, network: NET.google },
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
  ['a tool no detector knows', { userAgent: 'Quillnet/2.1' }, 'unknown', /unrecognised/],
  ['a tool that calls itself a fetcher', { userAgent: 'SomeFetcher/2.1' }, 'scanner', /Generic Bot/],
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
    assert.equal(classifyHit(hit({ userAgent: UA.gmailProxy, network: NET.google }), rules).classification, 'proxy');
    assert.equal(
      classifyHit(hit({ kind: 'click', userAgent: UA.safeLinks, network: NET.google }), rules).classification,
      'scanner',
    );
  });

  it('an operator-listed network counts for clicks only', () => {
    assert.equal(classifyHit(hit({ kind: 'click', network: NET.listed }), rules).classification, 'scanner');
    assert.equal(classifyHit(hit({ network: NET.listed }), rules).classification, 'human');
  });
});

describe("link bursts, from a message's clicks", () => {
  const bursts = new LinkBursts(2000, 3);
  const click = (at: number, linkIndex: number, id: number | null = null): SeenClick => ({
    at,
    linkIndex,
    classification: 'human',
    id,
    event: null,
  });

  it('three links within a second, whatever the addresses: every click of it, stored ones too', () => {
    const clicks = [click(1000, 0, 11)];
    assert.equal(bursts.note(clicks, click(1400, 1, 12)), null);
    const burst = bursts.note(clicks, click(1800, 2));
    assert.deepEqual(burst?.ids.sort(), [11, 12]);
    assert.match(burst?.reason.reason ?? '', /3\+ links of this message clicked within 2 s, from any address/);
    assert.ok(clicks.every((c) => c.classification === 'scanner'));
  });

  it('a person opening three links in new tabs, 3 s apart, is no burst', () => {
    const clicks: SeenClick[] = [];
    for (const [at, link] of [
      [0, 0],
      [3000, 1],
      [6500, 2],
    ] as const)
      assert.equal(bursts.note(clicks, click(at, link)), null);
    assert.ok(clicks.every((c) => c.classification === 'human'));
  });

  it('clicks stored out of order still make the burst', () => {
    const clicks = [click(5000, 2, 1), click(4200, 0, 2)];
    assert.deepEqual(bursts.note(clicks, click(4600, 1))?.ids.sort(), [1, 2]);
  });

  it('two links clicked within a third of a second: no hand does that', () => {
    const clicks = [click(1000, 0, 5)];
    const twins = bursts.note(clicks, click(1200, 3));
    assert.deepEqual(twins?.ids, [5]);
    assert.match(twins?.reason.reason ?? '', /2\+ links .* within 0\.3 s/);
  });

  it('the same link clicked three times is one link', () => {
    const clicks: SeenClick[] = [];
    for (const at of [0, 100, 200]) bursts.note(clicks, click(at, 0));
    assert.ok(clicks.every((c) => c.classification === 'human'));
  });
});
