import { findPart, header, type MimePart, parseHeaderBlock, plainText } from './mime.ts';

export type BounceSeverity = 'hard' | 'soft' | 'delayed' | 'delivered';

export interface DsnRecipient {
  recipient: string;
  action: string;
  status: string;
  diagnostic: string;
  severity: BounceSeverity;
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

function severityOf(action: string, status: string): BounceSeverity {
  if (action === 'delayed') return 'delayed';
  if (action === 'delivered' || action === 'relayed' || action === 'expanded') return 'delivered';
  // A full mailbox (x.2.2) may empty again; treat it like a temporary failure even when reported as 5xx.
  return status.startsWith('5') && !status.startsWith('5.2.2') ? 'hard' : 'soft';
}

function stripAddressType(value: string): string {
  return value
    .replace(/^[\w-]+\s*;\s*/, '')
    .replace(/^<|>$/g, '')
    .trim();
}

function recipientFromFields(fields: Map<string, string[]>): DsnRecipient | null {
  const field = (name: string) => fields.get(name)?.[0] ?? '';
  const recipient = stripAddressType(field('final-recipient') || field('original-recipient'));
  const action = field('action').toLowerCase().split(/\s/)[0] ?? '';
  if (!recipient && !action) return null;
  const diagnostic = field('diagnostic-code')
    .replace(/^[\w-]+\s*;\s*/, '')
    .replace(/\s+/g, ' ');
  const status =
    statusPattern.exec(field('status'))?.[1] ??
    statusPattern.exec(diagnostic)?.[1] ??
    (action === 'delayed' ? '4.0.0' : '5.0.0');
  return {
    recipient,
    action,
    status,
    diagnostic,
    severity: severityOf(action, status),
    blocked: status.startsWith('5.7.'),
  };
}

/** RFC 3464: a message/delivery-status part holding one per-message block and per-recipient blocks. */
function fromDeliveryStatus(part: MimePart): DsnRecipient[] {
  return part.body
    .split(/\r?\n\s*\r?\n/)
    .map((block) => recipientFromFields(parseHeaderBlock(block)))
    .filter((r): r is DsnRecipient => r !== null);
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
  const subject = header(root, 'subject') ?? '';
  const delayed = /\bdelay/i.test(subject) || /will (?:continue to )?retry|temporar(?:y|ily)/i.test(text);
  const failed = (header(root, 'x-failed-recipients') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const recipients =
    failed.length > 0 ? failed : [...new Set(text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [])].slice(0, 1);
  const quota = /quota|mailbox (?:is )?full/i.test(text);
  const status = statusPattern.exec(text)?.[1] ?? (delayed ? '4.0.0' : quota ? '5.2.2' : '5.0.0');
  const diagnostic = /technical details of [^:]*:\s*([^\n]+)/i.exec(text)?.[1]?.trim() ?? '';
  const action = delayed ? 'delayed' : 'failed';
  return recipients.map((recipient) => ({
    recipient,
    action,
    status,
    diagnostic,
    severity: severityOf(action, status),
    blocked: status.startsWith('5.7.'),
  }));
}

export function parseDsn(root: MimePart): DsnReport | null {
  const original = findPart(root, 'message/rfc822', 'text/rfc822-headers', 'text/rfc822-header')?.parts[0] ?? null;
  const status = findPart(root, 'message/delivery-status');
  if (status) {
    const recipients = fromDeliveryStatus(status);
    if (recipients.length > 0) return { kind: 'dsn', rfc3464: true, recipients, original };
  }
  if (!looksLikeBounce(root)) return null;
  const recipients = fromFreeText(root);
  return recipients.length > 0 ? { kind: 'dsn', rfc3464: false, recipients, original } : null;
}
