// Every reason an event can carry, each written once: its stable code, its parameters and the
// English text built from those same parameters, so the text and the code cannot drift apart.
// The extension shows the code in the rep's language and falls back to the text; API users and
// logs keep reading the text, which is why it is word for word what it was before codes existed.
// A code is never renamed or given other parameters: add a new one (table in server/README.md).

export type ReasonParams = Record<string, string | number>;

/** The three event fields a reason fills, spread straight into a NewEvent. */
export interface EventReason {
  reason: string;
  reasonCode: ReasonCode;
  /** Null when the code takes no parameters. */
  reasonParams: ReasonParams | null;
}

type Status = { status: string };
type SmtpCode = { smtpCode: number | string };
/** A delivery report's reason (smtp/bounce-reasons.ts) and its enhanced status, "" when it had none. */
type BounceParams = { reason: string; status: string };

const TEXTS = {
  'self.repView': (p: { windowSeconds: number }) =>
    `self: the rep opened this message within ${p.windowSeconds} s of the hit`,
  'prefetch.headRequest': () => 'prefetch: HEAD request (link checker)',
  'prefetch.purposeHeader': (p: { purpose: string }) => `prefetch: purpose header "${p.purpose}"`,
  'scanner.tooSoonAfterSend': (p: { seconds: number; windowSeconds: number }) =>
    `scanner: ${p.seconds} s after send (window ${p.windowSeconds} s)`,
  'scanner.userAgent': (p: { marker: string }) => `scanner: user agent (${p.marker})`,
  'scanner.emptyUserAgent': () => 'scanner: user agent (empty user agent)',
  'scanner.duplicatedMozilla': () => 'scanner: user agent (duplicated Mozilla/5.0 (spam filter))',
  'scanner.networkClick': (p: { network: string }) => `scanner: click from a ${p.network} network (link scanning)`,
  'scanner.listedNetworkClick': () => 'scanner: click from a listed scanner network (link scanning)',
  'scanner.clickBurst': (p: { links: number; windowSeconds: number }) =>
    `scanner: ${p.links}+ links of this message clicked within ${p.windowSeconds} s from one address`,
  'prefetch.appleMpp': () => 'prefetch: Apple Mail Privacy Protection (bare "Mozilla/5.0")',
  'prefetch.appleMppTruncated': () =>
    'prefetch: Apple Mail Privacy Protection (truncated WebKit UA in the delivery window)',
  'unknown.truncatedWebKitLate': () =>
    'unknown: truncated WebKit UA long after delivery (Apple or Outlook privacy fetcher)',
  'proxy.imageProxy': (p: { service: string; marker: string }) =>
    `proxy: ${p.service} image proxy (${p.marker}), counts as an open`,
  'proxy.outlookImageProxy': () => 'proxy: Outlook image proxy (Microsoft network), counts as an open',
  'human.mailClient': (p: { client: string }) => `human: ${p.client}`,
  'human.browser': () => 'human: browser',
  'unknown.unrecognisedUserAgent': () => 'unknown: unrecognised user agent',
  'scanner.securityGateway': (p: { owner: string }) =>
    `scanner: from the network of ${p.owner}, a mail security gateway (it scans links and images)`,
  'scanner.mailFiltering': (p: { owner: string }) =>
    `scanner: from ${p.owner}'s filtering addresses, which filter mail and read no mailbox`,
  'scanner.crawler': (p: { name: string }) => `scanner: the user agent is a crawler or tool (${p.name})`,
  'scanner.linkBurst': (p: { links: number; windowSeconds: number }) =>
    `scanner: ${p.links}+ links of this message clicked within ${p.windowSeconds} s, from any address`,
  'prefetch.appleNetwork': (p: { network: string }) =>
    `prefetch: Apple Mail Privacy Protection (Apple's fetcher UA from ${p.network})`,
  'human.appleMailBeforeMpp': (p: { os: string }) =>
    `human: Apple Mail on ${p.os}, older than Mail Privacy Protection, loading images itself`,
  'human.appleMailOwnNetwork': (p: { network: string }) =>
    `human: Apple Mail loading images itself, from the reader's own network (${p.network})`,
  'unknown.dataCentreBrowser': (p: { network: string }) =>
    `unknown: a browser from a data-centre network (${p.network}): a VPN user or a scanner`,
  'unknown.webSecurityProxy': (p: { network: string }) =>
    `unknown: a browser behind a web security proxy (${p.network}): a person or the proxy's sandbox`,
  'unknown.unroutedAddress': () => 'unknown: a browser from an address no network announces',
  'proxy.imageProxyNetwork': (p: { network: string }) =>
    `proxy: from the image-proxy network of ${p.network}, counts as an open`,

  'delivered.dsn': (p: { action: string } & Status) => `delivered: ${p.action} (${p.status})`,
  'delivered.relayAccepted': () => 'delivered: accepted by the relay',
  'deferred.dsn': (p: Status) => `deferred: delivery delayed (${p.status})`,
  'deferred.retrying': (p: SmtpCode & { attempt: number; attempts: number }) =>
    `deferred: ${p.smtpCode} at send, retry ${p.attempt} of ${p.attempts}`,
  'deferred.noAnswerRetrying': (p: { attempt: number; attempts: number }) =>
    `deferred: no answer at send, retry ${p.attempt} of ${p.attempts}`,
  'bounce.hard': (p: Status) => `bounce: hard bounce (${p.status})`,
  'bounce.soft': (p: Status) => `bounce: soft bounce (${p.status})`,
  'bounce.blocked': (p: Status) => `bounce: blocked by policy (${p.status})`,
  'bounce.hardAtSend': (p: SmtpCode) => `bounce: hard bounce at send (${p.smtpCode})`,
  'bounce.softAtSend': (p: SmtpCode) => `bounce: soft bounce at send (${p.smtpCode})`,
  'bounce.blockedAtSend': (p: SmtpCode) => `bounce: blocked by policy at send (${p.smtpCode})`,
  'failed.stillDeferred': (p: SmtpCode & { attempts: number }) =>
    `failed: still ${p.smtpCode} after ${p.attempts} attempts`,
  'failed.noAnswer': (p: { attempts: number }) => `failed: still no answer after ${p.attempts} attempts`,
  'failed.interrupted': () => 'failed: interrupted while sending; not retried to avoid a duplicate',
  'complaint.arf': () => 'complaint: marked as spam (ARF abuse report)',
  'bounce.hardReason': (p: BounceParams) => `bounce: hard bounce, ${p.reason} (${p.status || 'no status'})`,
  'deferred.softBounce': (p: BounceParams) =>
    `deferred: soft bounce, ${p.reason} (${p.status || 'no status'}); the address stays valid`,
  'deferred.delayedReason': (p: BounceParams) => `deferred: delivery delayed, ${p.reason} (${p.status || 'no status'})`,
  'failed.expiredReport': (p: BounceParams) =>
    `failed: the relay gave up after its retries, ${p.reason} (${p.status || 'no status'})`,
  'complaint.jmrp': () => 'complaint: marked as spam (Microsoft JMRP)',
} satisfies Record<string, (params: never) => string>;

export type ReasonCode = keyof typeof TEXTS;
export const REASON_CODES = Object.keys(TEXTS) as ReasonCode[];

/** The reason for `code`; its parameters are required exactly when the code has some. */
export function eventReason<C extends ReasonCode>(code: C, ...params: Parameters<(typeof TEXTS)[C]>): EventReason {
  const values = params[0] as ReasonParams | undefined;
  const text = (TEXTS[code] as (p: ReasonParams | undefined) => string)(values);
  return {
    reason: text,
    reasonCode: code,
    reasonParams: values && Object.keys(values).length > 0 ? { ...values } : null,
  };
}

/** Seconds as reasons show them: to a tenth, so "12 s" and "0.4 s". */
export function secondsOf(ms: number): number {
  return Math.round(ms / 100) / 10;
}
