import { type BounceReason, judgeBounce } from './bounce-reasons.ts';
import { decodeHeaderWords, findPart, header, type MimePart, parseHeaderBlock, plainText } from './mime.ts';
import { conventionalReason, conventionsFor, type MtaConvention, type ReportFacts } from './mta-conventions.ts';
import { refusedCommand } from './smtp-command.ts';

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
/** `context` is the rest of the report: where it says which command was refused, and MTA codes. */
function judged(
  action: string,
  explicitStatus: string,
  text: string,
  context: string,
  conventions: readonly MtaConvention[],
) {
  const verdict = judgeBounce({
    action,
    status: explicitStatus,
    text,
    command: refusedCommand(`${text}\n${context}`),
    conventional: conventionalReason(conventions, `${text}\n${context}`, explicitStatus),
  });
  const severity: BounceSeverity = verdict.severity === 'none' ? 'delivered' : verdict.severity;
  return { severity, reason: verdict.reason, final: verdict.final };
}

function stripAddressType(value: string): string {
  return value
    .replace(/^[\w-]+\s*;\s*/, '')
    .replace(/^<|>$/g, '')
    .trim();
}

function recipientFromFields(
  block: string,
  reportText: string,
  conventions: readonly MtaConvention[],
): DsnRecipient | null {
  const fields = parseHeaderBlock(block);
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
  const verdict = judged(action, explicit, diagnostic || reportText, `${reportText}\n${block}`, conventions);
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
function fromDeliveryStatus(part: MimePart, facts: ReportFacts, conventions: readonly MtaConvention[]): DsnRecipient[] {
  return part.body
    .split(/\r?\n\s*\r?\n/)
    .map((block) => recipientFromFields(block, facts.words, conventions))
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

function looksLikeBounce(root: MimePart, subject: string, conventions: readonly MtaConvention[]): boolean {
  const from = header(root, 'from') ?? '';
  return (
    conventions.some((c) => c.isBounce) ||
    /mailer-daemon|postmaster/i.test(from) ||
    /undeliver|delivery status notification|returned mail|delivery failure|failure notice/i.test(subject)
  );
}

/** A warning, not a failure: the relay says it goes on trying, and not that it has given up. */
function saysDelayed(subject: string, words: string): boolean {
  // "This has been a permanent failure. No further delivery attempts will be made." (MailFoundry)
  if (/permanent (?:failure|error)|no further (?:delivery )?attempts/i.test(words)) return false;
  return (
    /\bdelay|warning/i.test(subject) ||
    /will (?:continue to |keep )?(?:retry|try|attempt)|has not yet been delivered|just a warning|delivery attempts will continue|postponed|temporar(?:y|ily)/i.test(
      words,
    )
  );
}

// Never our own return address (b+<token>@…) or the reporting daemon's.
const notRecipient = (address: string, from: string) =>
  /^b\+[0-9a-f]{32,44}@/i.test(address) ||
  /^mailer-daemon@/i.test(address) ||
  address.toLowerCase() === from.toLowerCase();

/**
 * The failed recipients of a free-text report: X-Failed-Recipients, the place the reporting MTA's
 * convention names, the first address under a "following address(es)/recipient(s)" heading (that
 * one may be a postmaster: BIGLOBE's report on postmaster@mxr.biglobe.ne.jp), else the first
 * address quoted that is no daemon's.
 */
function freeTextRecipients(root: MimePart, text: string, conventions: readonly MtaConvention[]): string[] {
  const failed = (header(root, 'x-failed-recipients') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (failed.length > 0) return failed;
  const from = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(header(root, 'from') ?? '')?.[0] ?? '';
  const named = conventions.map((c) => c.recipient?.exec(text)?.[1]).find(Boolean);
  if (named) return [named];
  const address = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
  const heading = /following (?:e-?mail )?(?:address(?:es|\(es\))?|recipients?)[^\n]*\n/i.exec(text);
  const listed = heading
    ? (text.slice(heading.index + heading[0].length).match(address) ?? []).find((a) => !notRecipient(a, from))
    : undefined;
  if (listed) return [listed];
  const quoted = (text.match(address) ?? []).filter((a) => !notRecipient(a, from) && !/^postmaster@/i.test(a));
  return [...new Set(quoted)].slice(0, 1);
}

/**
 * Legacy bounces with no delivery-status part: the status code and words of the report itself. A
 * report that names no recipient ("Delivery report unavailable") still fails the message its VERP
 * address names, for an unknown recipient.
 */
function fromFreeText(root: MimePart, facts: ReportFacts, conventions: readonly MtaConvention[]): DsnRecipient[] {
  const text = plainText(root);
  const { words, subject } = facts;
  const delayed = saysDelayed(subject, words);
  const found = freeTextRecipients(root, text, conventions);
  const recipients = found.length > 0 ? found : [''];
  // Only the report's own words: a pasted original's "Received: … (mxl_mta-5.5.0-3)" is no status.
  const explicit = statusPattern.exec(words)?.[1] ?? '';
  const quota = /quota|mailbox (?:is )?full/i.test(words);
  const status = explicit || (delayed ? '4.0.0' : quota ? '5.2.2' : '5.0.0');
  const diagnostic = /technical details of [^:]*:\s*([^\n]+)/i.exec(text)?.[1]?.trim() ?? '';
  const action = delayed ? 'delayed' : 'failed';
  const verdict = judged(action, explicit, `${subject}\n${words}`, '', conventions);
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
  const facts: ReportFacts = {
    root,
    subject: decodeHeaderWords(header(root, 'subject') ?? ''),
    words: reportWords(root),
  };
  const conventions = conventionsFor(facts);
  const status = findPart(root, 'message/delivery-status');
  if (status) {
    const recipients = fromDeliveryStatus(status, facts, conventions);
    if (recipients.length > 0) return { kind: 'dsn', rfc3464: true, recipients, original };
  }
  if (!looksLikeBounce(root, facts.subject, conventions)) return null;
  return { kind: 'dsn', rfc3464: false, recipients: fromFreeText(root, facts, conventions), original };
}
