import { type EventReason, eventReason, secondsOf } from '../reasons/event-reasons.ts';
import type { Classification } from '../storage/repository.ts';
import type { NetworkLookup } from './networks.ts';
import {
  imageProxyOf,
  isBareMozilla,
  isTruncatedWebKit,
  mailClientName,
  type ScannerSign,
  scannerSign,
} from './user-agents.ts';

export interface HitFacts {
  kind: 'view' | 'click';
  method: string;
  userAgent: string;
  ip: string;
  /** Sec-Purpose, Purpose, X-Purpose and X-Moz header values, joined. */
  purpose: string;
  at: number;
  sentAt: number;
  lastSelfViewAt: number | null;
}

export interface ClassifyRules {
  scannerWindowMs: number;
  selfViewWindowMs: number;
  mppWindowMs: number;
  networkOf: NetworkLookup;
}

/** A label with its reason: the English text plus the code and parameters the extension translates. */
export interface Verdict extends EventReason {
  classification: Classification;
}

const verdict = (classification: Classification, reason: EventReason): Verdict => ({ classification, ...reason });

function scannerByUserAgent(sign: ScannerSign): EventReason {
  if (sign.kind === 'empty') return eventReason('scanner.emptyUserAgent');
  if (sign.kind === 'duplicatedMozilla') return eventReason('scanner.duplicatedMozilla');
  return eventReason('scanner.userAgent', { marker: sign.marker });
}

/**
 * Labels one hit. The rules run in the order of tracking.md §2: the rep's own view first, then
 * machine fetches that announce themselves, then timing and network, then known clients.
 * Every verdict carries the reason a rep can read.
 */
export function classifyHit(hit: HitFacts, rules: ClassifyRules): Verdict {
  const ua = hit.userAgent;
  if (hit.lastSelfViewAt !== null && Math.abs(hit.at - hit.lastSelfViewAt) <= rules.selfViewWindowMs) {
    return verdict('self', eventReason('self.repView', { windowSeconds: secondsOf(rules.selfViewWindowMs) }));
  }
  if (hit.method === 'HEAD') return verdict('prefetch', eventReason('prefetch.headRequest'));
  if (/prefetch|preview|prerender/i.test(hit.purpose)) {
    return verdict('prefetch', eventReason('prefetch.purposeHeader', { purpose: hit.purpose.slice(0, 40) }));
  }
  const sinceSend = hit.at - hit.sentAt;
  if (sinceSend < rules.scannerWindowMs) {
    return verdict(
      'scanner',
      eventReason('scanner.tooSoonAfterSend', {
        seconds: secondsOf(Math.max(sinceSend, 0)),
        windowSeconds: secondsOf(rules.scannerWindowMs),
      }),
    );
  }
  const sign = scannerSign(ua);
  if (sign) return verdict('scanner', scannerByUserAgent(sign));
  const network = rules.networkOf(hit.ip);
  if (hit.kind === 'click' && network) {
    return verdict(
      'scanner',
      network === 'listed scanner'
        ? eventReason('scanner.listedNetworkClick')
        : eventReason('scanner.networkClick', { network }),
    );
  }
  if (hit.kind === 'view' && isBareMozilla(ua)) return verdict('prefetch', eventReason('prefetch.appleMpp'));
  if (hit.kind === 'view' && isTruncatedWebKit(ua)) {
    return sinceSend <= rules.mppWindowMs
      ? verdict('prefetch', eventReason('prefetch.appleMppTruncated'))
      : verdict('unknown', eventReason('unknown.truncatedWebKitLate'));
  }
  const proxy = hit.kind === 'view' ? imageProxyOf(ua) : null;
  if (proxy) return verdict('proxy', eventReason('proxy.imageProxy', proxy));
  if (hit.kind === 'view' && network === 'Microsoft') return verdict('proxy', eventReason('proxy.outlookImageProxy'));
  const client = mailClientName(ua);
  if (client === 'browser') return verdict('human', eventReason('human.browser'));
  if (client) return verdict('human', eventReason('human.mailClient', { client }));
  return verdict('unknown', eventReason('unknown.unrecognisedUserAgent'));
}
