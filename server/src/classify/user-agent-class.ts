import { isbot } from 'isbot';
import * as deviceDetectorModule from 'node-device-detector';
import {
  type AppleOs,
  appleOsOf,
  imageProxyOf,
  isBareMozilla,
  isTruncatedWebKit,
  mailClientOf,
  type ScannerSign,
  scannerSign,
} from './user-agents.ts';

// The package is CommonJS (`module.exports = DeviceDetector`) while its types declare a default
// export: Node hands the class over as the default, so that is where it is taken from.
type DetectorClass = typeof deviceDetectorModule.default.default;
type DeviceDetector = InstanceType<DetectorClass>;
const DeviceDetector = (deviceDetectorModule as unknown as { default: DetectorClass }).default;

/** What a user agent says about who fetched: the classifier's view of it, one kind each. */
export type UserAgentClass =
  /** Our own markers (scanner names, an empty or doubled UA) or a crawler a library knows. */
  | { kind: 'machine'; sign: ScannerSign | { kind: 'crawler'; name: string } }
  /** A webmail's image proxy, named by its UA (Gmail, Yahoo, or one the detector knows). */
  | { kind: 'imageProxy'; service: string; marker: string }
  /** Apple's Mail Privacy Protection fetcher forces a bare "Mozilla/5.0". */
  | { kind: 'appleBare' }
  /** Apple Mail's own WebKit UA, cut off after "(KHTML, like Gecko)"; MPP's fetcher sends it too. */
  | { kind: 'appleTruncated'; os: AppleOs | null }
  /** A mail client or mail app a person reads with. */
  | { kind: 'mailClient'; name: string }
  | { kind: 'browser'; name: string }
  | { kind: 'unrecognised' };

/** Bots the detector names as a mail or image proxy fetch for the reader ("Seznam Email Proxy"). */
const PROXY_NAME = /\b(mail|email|image)\b.*\bproxy\b|\bproxy\b.*\b(mail|image)\b/i;
/** Outlook desktop's ms-office fetcher and the Office apps a person reads mail in. */
const OFFICE_CLIENT = /Microsoft Outlook|Outlook-iOS|Outlook-Android|ms-office|Microsoft Office\//i;
/** What a real browser's UA looks like; anything else goes to the device detector. */
const BROWSER_SHAPE = /^Mozilla\/5\.0 \([^)]+\) .*(Gecko|Safari|Chrome|Firefox|Mobile)/;
const BROWSER_NAMES: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

/**
 * Sorts user agents into the kinds the classifier judges, cheapest signal first: our own sourced
 * markers (user-agents.md), then isbot's single pattern for anything that looks like a browser,
 * then node-device-detector (Matomo's regexes: it knows mail clients and named crawlers) for the
 * rest. The detector costs about 20 ms for a UA it has not seen, so answers are remembered: the
 * hits of a day come from a few hundred user agents.
 */
export class UserAgentClassifier {
  private detector: DeviceDetector | null = null;
  private readonly cache = new Map<string, UserAgentClass>();
  private readonly cacheSize: number;

  constructor(cacheSize = 10_000) {
    this.cacheSize = cacheSize;
  }

  classify(userAgent: string): UserAgentClass {
    // The journal keeps 1 KB of a header; a longer one (a 64 KB attack) is judged by its start.
    const ua = userAgent.slice(0, 1024);
    const known = this.cache.get(ua);
    if (known) return known;
    const found = this.sort(ua);
    if (this.cache.size >= this.cacheSize) this.cache.clear();
    this.cache.set(ua, found);
    return found;
  }

  private sort(ua: string): UserAgentClass {
    const proxy = imageProxyOf(ua);
    if (proxy) return { kind: 'imageProxy', ...proxy };
    const sign = scannerSign(ua);
    if (sign) return { kind: 'machine', sign };
    if (isBareMozilla(ua)) return { kind: 'appleBare' };
    if (isTruncatedWebKit(ua)) return { kind: 'appleTruncated', os: appleOsOf(ua) };
    if (OFFICE_CLIENT.test(ua)) return { kind: 'mailClient', name: 'Outlook' };
    const client = mailClientOf(ua);
    if (client) return { kind: 'mailClient', name: client };
    if (BROWSER_SHAPE.test(ua) && !/Thunderbird|Postbox|SeaMonkey/i.test(ua)) {
      if (!isbot(ua)) return { kind: 'browser', name: BROWSER_NAMES.find(([re]) => re.test(ua))?.[1] ?? 'browser' };
    }
    return this.detect(ua);
  }

  private detect(ua: string): UserAgentClass {
    // Built on first need: its regexes take a third of a second, which most runs never need.
    const detector =
      this.detector ??
      new DeviceDetector({ clientIndexes: true, osIndexes: true, deviceIndexes: false, maxUserAgentSize: 1024 });
    this.detector = detector;
    const bot = detector.parseBot(ua);
    if (bot?.name) {
      // The detector files mail proxies under several categories (Gmail's under Crawler).
      if (PROXY_NAME.test(bot.name)) return { kind: 'imageProxy', service: bot.name, marker: bot.name };
      return { kind: 'machine', sign: { kind: 'crawler', name: bot.name } };
    }
    const client = detector.parseClient(ua);
    if (client?.type === 'pim' || client?.type === 'mobile app') return { kind: 'mailClient', name: client.name };
    if (client?.type === 'library') return { kind: 'machine', sign: { kind: 'crawler', name: client.name } };
    if (client?.type === 'browser') {
      if (/headless/i.test(client.name)) return { kind: 'machine', sign: { kind: 'crawler', name: client.name } };
      // A browser the detector knows, in a UA no current browser sends (no platform, a WAP or
      // 1990s string): an embedded or made-up client, not evidence of a person.
      if (!BROWSER_SHAPE.test(ua)) return { kind: 'unrecognised' };
      return isbot(ua)
        ? { kind: 'machine', sign: { kind: 'crawler', name: client.name } }
        : { kind: 'browser', name: client.family ?? client.name };
    }
    // Neither a crawler the detector knows nor a client: isbot's verdict on a non-browser UA is
    // too eager to stand alone (it calls mail clients bots), so it only settles obvious tools.
    if (/bot\b|crawler|spider|scanner|scan\b|checker|fetcher|monitor/i.test(ua))
      return { kind: 'machine', sign: { kind: 'crawler', name: ua.slice(0, 40) } };
    return { kind: 'unrecognised' };
  }
}
