import type { Classification } from '../db/records';
import { LOCAL_REASONS } from '../emails/local-reasons';
import type { Reason } from '../emails/reason';

// Demo reasons look like the ones the tracking server sends (codes from server/README.md, with
// the English text it writes), so the demo shows them in the rep's language like real ones.

export const DEMO_EVENT_REASONS: Record<Classification, Reason> = {
  human: { code: 'human.browser', text: 'human: browser' },
  proxy: {
    code: 'proxy.imageProxy',
    params: { service: 'Gmail', marker: 'GoogleImageProxy' },
    text: 'proxy: Gmail image proxy (GoogleImageProxy), counts as an open',
  },
  prefetch: {
    code: 'prefetch.appleNetwork',
    params: { network: 'Apple' },
    text: "prefetch: Apple Mail Privacy Protection (Apple's fetcher UA from Apple)",
  },
  scanner: {
    code: 'scanner.securityGateway',
    params: { owner: 'Mimecast' },
    text: 'scanner: from the network of Mimecast, a mail security gateway (it scans links and images)',
  },
  self: {
    code: 'self.repView',
    params: { windowSeconds: 10 },
    text: 'self: the rep opened this message within 10 s of the hit',
  },
  unknown: {
    code: 'unknown.dataCentreBrowser',
    params: { network: 'Hetzner' },
    text: 'unknown: a browser from a data-centre network (Hetzner): a VPN user or a scanner',
  },
};

/** As lib/tracking/apply-event.ts stores a server failure: the text ends with the remote server's detail. */
function withDetail(reason: Required<Pick<Reason, 'code' | 'text'>> & Reason, detail: string): Reason {
  return { ...reason, text: `${reason.text} — ${detail}`, detail };
}

export const DEMO_FAILURE_REASONS: Record<'failed' | 'bounced' | 'spam', readonly Reason[]> = {
  failed: [
    withDetail(
      {
        code: 'failed.stillDeferred',
        params: { smtpCode: 421, attempts: 5 },
        text: 'failed: still 421 after 5 attempts',
      },
      '421 4.7.0 Try again later, closing connection.',
    ),
    LOCAL_REASONS.interrupted,
  ],
  bounced: [
    withDetail(
      {
        code: 'bounce.hardReason',
        params: { reason: 'userUnknown', status: '5.1.1' },
        text: 'bounce: hard bounce, userUnknown (5.1.1)',
      },
      '550 5.1.1 The email account that you tried to reach does not exist.',
    ),
    // Since issue #14 a policy refusal is a warning, not Bounced: only dead addresses bounce.
    withDetail(
      {
        code: 'bounce.hardReason',
        params: { reason: 'hostUnknown', status: '5.1.2' },
        text: 'bounce: hard bounce, hostUnknown (5.1.2)',
      },
      '550 5.1.2 Host or domain name not found. Name service error for name=northwind-old.example',
    ),
  ],
  spam: [{ code: 'complaint.arf', text: 'complaint: marked as spam (ARF abuse report)' }],
};

/** A soft bounce as the server reports it: the email stays Delivered, with this warning. */
export const DEMO_WARNING_REASON: Reason = withDetail(
  {
    code: 'deferred.softBounce',
    params: { reason: 'mailboxFull', status: '4.2.2' },
    text: 'deferred: soft bounce, mailboxFull (4.2.2); the address stays valid',
  },
  '452 4.2.2 The email account that you tried to reach is over quota.',
);
