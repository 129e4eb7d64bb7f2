import type { Classification } from '../storage/repository.ts';
import type { NetworkLookup } from './networks.ts';
import { imageProxyName, isBareMozilla, isTruncatedWebKit, mailClientName, scannerMarker } from './user-agents.ts';

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

export interface Verdict {
  classification: Classification;
  reason: string;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * Labels one hit. The rules run in the order of tracking.md §2: the rep's own view first, then
 * machine fetches that announce themselves, then timing and network, then known clients.
 * Every verdict carries the reason a rep can read.
 */
export function classifyHit(hit: HitFacts, rules: ClassifyRules): Verdict {
  const ua = hit.userAgent;
  if (hit.lastSelfViewAt !== null && Math.abs(hit.at - hit.lastSelfViewAt) <= rules.selfViewWindowMs) {
    return { classification: 'self', reason: `self: the rep opened this message within ${seconds(rules.selfViewWindowMs)} of the hit` };
  }
  if (hit.method === 'HEAD') return { classification: 'prefetch', reason: 'prefetch: HEAD request (link checker)' };
  if (/prefetch|preview|prerender/i.test(hit.purpose)) {
    return { classification: 'prefetch', reason: `prefetch: purpose header "${hit.purpose.slice(0, 40)}"` };
  }
  const sinceSend = hit.at - hit.sentAt;
  if (sinceSend < rules.scannerWindowMs) {
    return { classification: 'scanner', reason: `scanner: ${seconds(Math.max(sinceSend, 0))} after send (window ${seconds(rules.scannerWindowMs)})` };
  }
  const marker = scannerMarker(ua);
  if (marker) return { classification: 'scanner', reason: `scanner: user agent (${marker})` };
  const network = rules.networkOf(hit.ip);
  if (hit.kind === 'click' && network) {
    return { classification: 'scanner', reason: `scanner: click from a ${network} network (link scanning)` };
  }
  if (hit.kind === 'view' && isBareMozilla(ua)) {
    return { classification: 'prefetch', reason: 'prefetch: Apple Mail Privacy Protection (bare "Mozilla/5.0")' };
  }
  if (hit.kind === 'view' && isTruncatedWebKit(ua)) {
    return sinceSend <= rules.mppWindowMs
      ? { classification: 'prefetch', reason: 'prefetch: Apple Mail Privacy Protection (truncated WebKit UA in the delivery window)' }
      : { classification: 'unknown', reason: 'unknown: truncated WebKit UA long after delivery (Apple or Outlook privacy fetcher)' };
  }
  const proxy = hit.kind === 'view' ? imageProxyName(ua) : null;
  if (proxy) return { classification: 'proxy', reason: `proxy: ${proxy}, counts as an open` };
  if (hit.kind === 'view' && network === 'Microsoft') {
    return { classification: 'proxy', reason: 'proxy: Outlook image proxy (Microsoft network), counts as an open' };
  }
  const client = mailClientName(ua);
  if (client) return { classification: 'human', reason: `human: ${client}` };
  return { classification: 'unknown', reason: 'unknown: unrecognised user agent' };
}
