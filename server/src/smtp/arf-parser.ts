import { findPart, header, type MimePart, parseHeaderBlock } from './mime.ts';

export interface ComplaintReport {
  kind: 'complaint';
  /** abuse, fraud, virus, other, not-spam, opt-out, auth-failure (RFC 5965, 6591, 6650). */
  feedbackType: string;
  /** Only `abuse` means the recipient marked the mail as spam; opt-out and auth-failure do not. */
  spam: boolean;
  format: 'arf' | 'microsoft-jmrp';
  reporter: string;
  recipient: string | null;
  original: MimePart | null;
}

/** RFC 5965 ARF (Yahoo/AOL CFL, Return Path, DMARC forensic) and Microsoft's non-ARF JMRP reports. */
export function parseComplaint(root: MimePart): ComplaintReport | null {
  const original = findPart(root, 'message/rfc822', 'text/rfc822-headers', 'text/rfc822-header')?.parts[0] ?? null;
  const feedback = findPart(root, 'message/feedback-report');
  if (feedback) {
    const fields = parseHeaderBlock(feedback.body);
    const field = (name: string) => fields.get(name)?.[0]?.trim() ?? null;
    const feedbackType = (field('feedback-type') ?? 'other').toLowerCase();
    const recipient =
      field('original-rcpt-to') ?? field('removal-recipient') ?? (original ? header(original, 'to') : null);
    return {
      kind: 'complaint',
      feedbackType,
      spam: feedbackType === 'abuse',
      format: 'arf',
      reporter: field('user-agent') ?? header(root, 'from') ?? '',
      recipient,
      original,
    };
  }
  // Microsoft JMRP (2010–2016 samples): multipart/mixed from staff@hotmail.com with the junked
  // message attached, its recipient in X-HmXmrOriginalRecipient. Every JMRP report is a "junk" click.
  const jmrpRecipient = original ? header(original, 'x-hmxmroriginalrecipient') : null;
  if (jmrpRecipient || /staff@hotmail\.com/i.test(header(root, 'from') ?? '')) {
    return {
      kind: 'complaint',
      feedbackType: 'abuse',
      spam: true,
      format: 'microsoft-jmrp',
      reporter: header(root, 'from') ?? '',
      recipient: jmrpRecipient,
      original,
    };
  }
  return null;
}
