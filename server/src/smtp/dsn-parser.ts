import { type BounceReason, judgeBounce } from './bounce-reasons.ts';
import { findPart, header, type MimePart, parseHeaderBlock, plainText } from './mime.ts';

export type BounceSeverity = 'hard' | 'soft' | 'delayed' | 'delivered';

export interface DsnRecipient {
  recipient: string;
  action: string;
  status: string;
  diagnostic: string;
  severity: BounceSeverity;
  /** Why, from the table of sourced rules (bounce-reasons.ts). */
  reason: BounceReason;
  /** The relay gave up for good after its retries. */
  final: boolean;
  /** 5.7.x: refused by policy (SPF, DMARC, blocklist) — a "Blocked" bounce, never spam. */
  blocked: boolean;
}

export interface DsnReport {
  kind: 'dsn';
  /** False when the report was read from free text (legacy Gmail, some MTAs). */
  rfc3464: boolean;
  recipients: DsnRecipient[];
  original: MimePart | null;
}

const statusPattern = /\b([245]\.\d{1,3}\.\d{1,3})\b/;

/**
 * Severity from the reason, not the status class alone: many MTAs say 5.x.x for a full mailbox, a
 * rate limit or a queue that expired. `explicitStatus` is "" when the report gave none.
 */
function judged(action: string, explicitStatus: string, text: string) {
  const verdict = judgeBounce({ action, status: explicitStatus, text });
  const severity: BounceSeverity = verdict.severity === 'none' ? 'delivered' : verdict.severity;
  return { severity, reason: verdict.reason, final: verdict.final };
}

function stripAddressType(value: string): string {
  return value
    .replace(/^[\w-]+\s*;\s*/, '')
    .replace(/^<|>$/g, '')
    .trim();
}

function recipientFromFields(fields: Map<string, string[]>, reportText: string): DsnRecipient | null {
  const field = (name: string) => fields.get(name)?.[0] ?? '';
  const recipient = stripAddressType(field('final-recipient') || field('original-recipient'));
  const action = field('action').toLowerCase().split(/\s/)[0] ?? '';
  if (!recipient && !action) return null;
  const diagnostic = field('diagnostic-code')
    .replace(/^[\w-]+\s*;\s*/, '')
    .replace(/\s+/g, ' ');
  const explicit = statusPattern.exec(field('status'))?.[1] ?? statusPattern.exec(diagnostic)?.[1] ?? '';
  const status = explicit || (action === 'delayed' ? '4.0.0' : '5.0.0');
  // The remote server's words first; without them, the report's own (the human-readable part).
  const verdict = judged(action, explicit, diagnostic || reportText);
  return {
    recipient,
    action,
    status,
    diagnostic,
    ...verdict,
    blocked: verdict.reason === 'policy' && status.startsWith('5.'),
  };
}

/** RFC 3464: a message/delivery-status part holding one per-message block and per-recipient blocks. */
function fromDeliveryStatus(part: MimePart, reportText: string): DsnRecipient[] {
  return part.body
    .split(/\r?\n\s*\r?\n/)
    .map((block) => recipientFromFields(parseHeaderBlock(block), reportText))
    .filter((r): r is DsnRecipient => r !== null);
}

/**
 * The report's own words, without the copy of the original message many MTAs paste below them
 * (its headers, "DKIM-Signature", would read as a policy refusal).
 */
function reportWords(root: MimePart): string {
  const text = plainText(root);
  const cut = text.search(
    /^(?:received|dkim-signature|return-path|message-id|x-[\w-]+):|below this line is a copy|-{2,}\s*(?:original message|returned message|message headers)|original message follows|the original message was received at/im,
  );
  return (cut > 0 ? text.slice(0, cut) : text).slice(0, 4000);
}

function looksLikeBounce(root: MimePart): boolean {
  const from = header(root, 'from') ?? '';
  const subject = header(root, 'subject') ?? '';
  return (
    /mailer-daemon|postmaster/i.test(from) ||
    /undeliver|delivery status notification|returned mail|delivery failure|failure notice/i.test(subject)
  );
}

/** Legacy bounces with no delivery-status part: X-Failed-Recipients plus the status code in the text. */
function fromFreeText(root: MimePart): DsnRecipient[] {
  const text = plainText(root);
  const words = reportWords(root);
  const subject = header(root, 'subject') ?? '';
  // A warning, not a failure: the relay says it goes on trying.
  const delayed =
    /\bdelay|warning/i.test(subject) ||
    /will (?:continue to |keep )?(?:retry|try|attempt)|has not yet been delivered|just a warning|delivery attempts will continue|postponed|temporar(?:y|ily)/i.test(
      words,
    );
  const failed = (header(root, 'x-failed-recipients') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // Never our own return address (b+<token>@…) or the reporting daemon's: the failed recipient.
  const quoted = (text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []).filter(
    (address) => !/^b\+[0-9a-f]{32,44}@/i.test(address) && !/^(?:mailer-daemon|postmaster)@/i.test(address),
  );
  const recipients = failed.length > 0 ? failed : [...new Set(quoted)].slice(0, 1);
  const explicit = statusPattern.exec(text)?.[1] ?? '';
  const quota = /quota|mailbox (?:is )?full/i.test(text);
  const status = explicit || (delayed ? '4.0.0' : quota ? '5.2.2' : '5.0.0');
  const diagnostic = /technical details of [^:]*:\s*([^\n]+)/i.exec(text)?.[1]?.trim() ?? '';
  const action = delayed ? 'delayed' : 'failed';
  const verdict = judged(action, explicit, `${subject}\n${words}`);
  return recipients.map((recipient) => ({
    recipient,
    action,
    status,
    diagnostic,
    ...verdict,
    blocked: verdict.reason === 'policy' && status.startsWith('5.'),
  }));
}

export function parseDsn(root: MimePart): DsnReport | null {
  const original = findPart(root, 'message/rfc822', 'text/rfc822-headers', 'text/rfc822-header')?.parts[0] ?? null;
  const status = findPart(root, 'message/delivery-status');
  if (status) {
    const recipients = fromDeliveryStatus(status, reportWords(root));
    if (recipients.length > 0) return { kind: 'dsn', rfc3464: true, recipients, original };
  }
  if (!looksLikeBounce(root)) return null;
  const recipients = fromFreeText(root);
  return recipients.length > 0 ? { kind: 'dsn', rfc3464: false, recipients, original } : null;
}
