import { type EventReason, eventReason, secondsOf } from '../reasons/event-reasons.ts';
import type { Classification } from '../storage/repository.ts';
import type { NetworkFacts } from './network-kinds.ts';
import { PRIVATE_RELAY_PARTNER_ASNS } from './network-owners.ts';
import type { UserAgentClass } from './user-agent-class.ts';
import { isBeforeMpp, type ScannerSign } from './user-agents.ts';

export interface HitFacts {
  kind: 'view' | 'click';
  method: string;
  /** Sec-Purpose, Purpose, X-Purpose and X-Moz header values, joined. */
  purpose: string;
  at: number;
  sentAt: number;
  lastSelfViewAt: number | null;
  /** Who owns the client's network (network-directory.ts). */
  network: NetworkFacts;
  /** What its user agent is (user-agent-class.ts). */
  agent: UserAgentClass;
}

export interface ClassifyRules {
  scannerWindowMs: number;
  selfViewWindowMs: number;
  mppWindowMs: number;
  /** The ASN database is loaded, so an address it does not hold is one no network announces. */
  addressesKnown: boolean;
}

/** A label with its reason: the English text plus the code and parameters the extension translates. */
export interface Verdict extends EventReason {
  classification: Classification;
}

const verdict = (classification: Classification, reason: EventReason): Verdict => ({ classification, ...reason });

function scannerByUserAgent(sign: ScannerSign | { kind: 'crawler'; name: string }): EventReason {
  if (sign.kind === 'empty') return eventReason('scanner.emptyUserAgent');
  if (sign.kind === 'duplicatedMozilla') return eventReason('scanner.duplicatedMozilla');
  if (sign.kind === 'crawler') return eventReason('scanner.crawler', { name: sign.name });
  return eventReason('scanner.userAgent', { marker: sign.marker });
}

/** The network as a rep reads it: our table's owner, else the database's AS name. */
function networkName(network: NetworkFacts): string {
  return network.owner?.name ?? network.asName ?? (network.asn ? `AS${network.asn}` : 'an unknown network');
}

/**
 * Labels one hit from what it says about itself; the message's other hits are weighed after
 * (link-bursts.ts). The rules run from the surest evidence to the weakest: the rep's own view,
 * fetches that announce themselves, who owns the network, what the user agent is, time since send.
 * Every verdict carries the reason a rep can read, naming its evidence.
 */
export function classifyHit(hit: HitFacts, rules: ClassifyRules): Verdict {
  if (hit.lastSelfViewAt !== null && Math.abs(hit.at - hit.lastSelfViewAt) <= rules.selfViewWindowMs) {
    return verdict('self', eventReason('self.repView', { windowSeconds: secondsOf(rules.selfViewWindowMs) }));
  }
  if (hit.method === 'HEAD') return verdict('prefetch', eventReason('prefetch.headRequest'));
  if (/prefetch|preview|prerender/i.test(hit.purpose)) {
    return verdict('prefetch', eventReason('prefetch.purposeHeader', { purpose: hit.purpose.slice(0, 40) }));
  }
  const { agent, network } = hit;
  const owner = network.owner;
  // Gateways re-check links at click time too, hours after delivery: their network is the tell.
  if (owner?.kind === 'mailSecurity')
    return verdict('scanner', eventReason('scanner.securityGateway', { owner: owner.name }));
  if (owner?.kind === 'mailFiltering')
    return verdict('scanner', eventReason('scanner.mailFiltering', { owner: owner.name }));
  if (agent.kind === 'machine') return verdict('scanner', scannerByUserAgent(agent.sign));
  const sinceSend = hit.at - hit.sentAt;
  if (hit.kind === 'view') {
    const apple = appleVerdict(hit, sinceSend, rules);
    if (apple) return apple;
  }
  if (sinceSend < rules.scannerWindowMs) {
    return verdict(
      'scanner',
      eventReason('scanner.tooSoonAfterSend', {
        seconds: secondsOf(Math.max(sinceSend, 0)),
        windowSeconds: secondsOf(rules.scannerWindowMs),
      }),
    );
  }
  if (hit.kind === 'click') {
    if (owner?.kind === 'listedScanner') return verdict('scanner', eventReason('scanner.listedNetworkClick'));
    // Safe Links and Gmail's scanner follow links from the mail hosts' own space; a person's click
    // comes from their own network (the scan at click time redirects them).
    if (owner?.kind === 'mailHost')
      return verdict('scanner', eventReason('scanner.networkClick', { network: owner.name }));
  }
  if (agent.kind === 'imageProxy') {
    return hit.kind === 'view'
      ? verdict('proxy', eventReason('proxy.imageProxy', { service: agent.service, marker: agent.marker }))
      : verdict('scanner', eventReason('scanner.userAgent', { marker: agent.marker }));
  }
  if (hit.kind === 'view' && owner?.kind === 'mailHost') {
    return owner.name === 'Microsoft'
      ? verdict('proxy', eventReason('proxy.outlookImageProxy'))
      : verdict('proxy', eventReason('proxy.imageProxyNetwork', { network: owner.name }));
  }
  if (hit.kind === 'view' && owner?.kind === 'imageProxy')
    return verdict('proxy', eventReason('proxy.imageProxyNetwork', { network: owner.name }));
  if (agent.kind === 'mailClient') return verdict('human', eventReason('human.mailClient', { client: agent.name }));
  if (agent.kind !== 'browser' && agent.kind !== 'appleTruncated')
    return verdict('unknown', eventReason('unknown.unrecognisedUserAgent'));
  // Gateways and scanners send stock browser UAs: a browser's word is only as good as its network.
  if (owner?.kind === 'cloudHosting')
    return verdict('unknown', eventReason('unknown.dataCentreBrowser', { network: networkName(network) }));
  if (owner?.kind === 'webSecurityProxy')
    return verdict('unknown', eventReason('unknown.webSecurityProxy', { network: networkName(network) }));
  if (rules.addressesKnown && network.asn === null && !owner && !network.local)
    return verdict('unknown', eventReason('unknown.unroutedAddress'));
  return agent.kind === 'browser'
    ? verdict('human', eventReason('human.browser'))
    : verdict('human', eventReason('human.mailClient', { client: 'Apple Mail' }));
}

/**
 * Apple's MPP fetcher sends a bare "Mozilla/5.0" or Mail's own truncated WebKit UA, from Apple's
 * networks, at delivery and again later. The same truncated UA from the reader's own network is
 * Apple Mail loading images itself: with MPP off, or on a system older than MPP.
 */
function appleVerdict(hit: HitFacts, sinceSend: number, rules: ClassifyRules): Verdict | null {
  const { agent, network } = hit;
  if (agent.kind !== 'appleBare' && agent.kind !== 'appleTruncated') return null;
  const kind = network.owner?.kind;
  if (kind === 'appleRelay' || (network.asn !== null && PRIVATE_RELAY_PARTNER_ASNS.has(network.asn)))
    return verdict('prefetch', eventReason('prefetch.appleNetwork', { network: networkName(network) }));
  if (agent.kind === 'appleBare') {
    // No client sends a bare "Mozilla/5.0" from a home line; Apple's fetcher does from its relays.
    if (kind === 'consumerIsp') return verdict('unknown', eventReason('unknown.unrecognisedUserAgent'));
    return verdict('prefetch', eventReason('prefetch.appleMpp'));
  }
  if (agent.os && isBeforeMpp(agent.os) && kind !== 'cloudHosting')
    return verdict('human', eventReason('human.appleMailBeforeMpp', { os: agent.os.label }));
  if (kind === 'cloudHosting' || kind === 'mailHost') return null;
  const ownNetwork = () =>
    verdict('human', eventReason('human.appleMailOwnNetwork', { network: networkName(network) }));
  if (kind === 'consumerIsp' || kind === 'webSecurityProxy') return ownNetwork();
  if (sinceSend <= rules.mppWindowMs) return verdict('prefetch', eventReason('prefetch.appleMppTruncated'));
  // Past delivery, from a network that is not Apple's: Mail itself. Without the database to say
  // whose network it is, the hit could be either.
  if (network.asn !== null) return ownNetwork();
  return verdict('unknown', eventReason('unknown.truncatedWebKitLate'));
}
