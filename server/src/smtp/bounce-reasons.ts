// Why a delivery report says what it says, and what that means for the email. The reason comes
// from one table of sourced rules (bounce-rules.ts), read from the enhanced status code, the remote
// server's words and the report's own; an MTA's known conventions (mta-conventions.ts) come first.
// Severity follows sisimai's documented split (libsisimai.org/en/reason; lib/Sisimai/SMTP/
// Failure.pm): hard for a dead mailbox or host, and a permanent "not accept"; RFC 3464 §2.3.3 for
// Action.
import { type BounceReason, RULES, type Rule } from './bounce-rules.ts';
import type { SmtpCommand } from './smtp-command.ts';

export type { BounceReason };

/**
 * hard: the address is dead, the email goes to Bounced. soft: a condition that passes (a full
 * mailbox, a rate limit), the email keeps its status with a warning. delayed: the relay is still
 * trying. none: not a failure at all (delivered, an auto-reply).
 */
export type BounceSeverity = 'hard' | 'soft' | 'delayed' | 'none';

export interface BounceVerdict {
  reason: BounceReason;
  severity: BounceSeverity;
  /** The relay gave up for good (an expired report): the email has failed, Retry is the remedy. */
  final: boolean;
}

/**
 * Reasons that say the address itself is dead: sisimai's hard bounces (lib/Sisimai/SMTP/Failure.pm:
 * user unknown, host unknown, has moved; "not accept" with a 5xx is a rule flag, hardWhenPermanent).
 * Everything else, a policy or spam refusal included, leaves a live address.
 */
const HARD: ReadonlySet<BounceReason> = new Set(['userUnknown', 'hostUnknown']);

function statusMatches(status: string, patterns: readonly string[] | undefined): boolean {
  if (!patterns || !status) return false;
  const rest = status.slice(2);
  return patterns.some((p) => (p.startsWith('x.') ? rest.startsWith(p.slice(2)) : status.startsWith(p)));
}

/** A code that itself says "bad mailbox" (RFC 3463 x.1.0, x.1.1, x.1.3, x.1.6), in the field or the words. */
const MAILBOX_CODE = /\b[45]\.1\.[0136]\b/;

function pickRule(rules: readonly Rule[], status: string, text: string): Rule | undefined {
  const byStatus = rules.find((r) => statusMatches(status, r.statuses) && r.reason !== 'policy');
  const byText = rules.find((r) => r.text?.test(text));
  // The server's words say more than its status code: MTAs reuse codes loosely ("5.2.1 User
  // Unknown", "5.1.1 Refused due to recipient preferences"), as sisimai's per-MTA rules show.
  // Except a dead-address code beside a vague refusal ("rejected by the server … 5.1.1"): the
  // words only say that it was refused, the code says why.
  const vague =
    byText?.reason === 'policy' &&
    /rejected|refused|denied/i.test(text) &&
    !/spf|dkim|dmarc|block|policy|reputation|preferences|sender/i.test(text);
  const dead = byStatus && (byStatus.reason === 'userUnknown' || byStatus.reason === 'hostUnknown');
  return (vague && dead ? byStatus : byText) ?? byStatus ?? rules.find((r) => statusMatches(status, r.statuses));
}

export interface BounceReport {
  action: string;
  /** "" when the report had none (a free-text notice): then only the words decide. */
  status: string;
  text: string;
  /** The SMTP command the refusal answered, when the report says (smtp-command.ts). */
  command?: SmtpCommand | null;
  /** The reason the reporting MTA's own convention gives (mta-conventions.ts), if any. */
  conventional?: BounceReason | null;
}

/**
 * The verdict for one recipient of one report. An unreadable notice is never called a dead address.
 */
export function judgeBounce(report: BounceReport): BounceVerdict {
  const { action, status, text, command = null, conventional = null } = report;
  if (action === 'delivered' || action === 'relayed' || action === 'expanded' || status.startsWith('2.'))
    return { reason: 'delivered', severity: 'none', final: false };
  // A delay report's x.4.7 means the relay is still within its time (Outlook's delay notices):
  // nothing has expired yet.
  const rules = action === 'delayed' ? RULES.filter((r) => r.reason !== 'expired') : RULES;
  const rule = conventional ? undefined : pickRule(rules, status, text);
  let reason: BounceReason = conventional ?? rule?.reason ?? 'unknown';
  // "User unknown" words are a dead mailbox only when a mailbox code backs them or they answered
  // RCPT TO; after DATA, or when the report does not say, they are the recipient's filter
  // (sisimai lib/Sisimai/Reason/UserUnknown.pm and Filtered.pm: "filtered").
  if (!conventional && reason === 'userUnknown' && command !== 'RCPT' && !MAILBOX_CODE.test(`${status} ${text}`))
    reason = 'policy';
  if (reason === 'autoReply') return { reason, severity: 'none', final: false };
  // Only a delay report says the relay goes on trying (RFC 3464 §2.3.3); a failure with a 4.x.x
  // code is still a failure.
  if (action === 'delayed') return { reason, severity: 'delayed', final: false };
  if (reason === 'expired') return { reason, severity: 'soft', final: true };
  const permanent = !status.startsWith('4.');
  if (HARD.has(reason) || (rule?.hardWhenPermanent && reason === rule.reason))
    return { reason, severity: permanent ? 'hard' : 'soft', final: false };
  return { reason, severity: 'soft', final: false };
}
