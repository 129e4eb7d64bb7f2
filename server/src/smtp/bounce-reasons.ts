// Why a delivery report says what it says, and what that means for the email: one table of rules,
// each read from the enhanced status code (RFC 3463: class.subject.detail), the remote server's
// diagnostic text and the report's own words. Sources, for facts only: RFC 3463 §3 (the subject
// and detail codes), RFC 3464 §2.3.3 (Action), sisimai's documented reasons
// (libsisimai.org/en/reason, and which of them it calls hard: HostUnknown, UserUnknown, HasMoved,
// NotAccept with a 5xx), and the providers' own texts quoted beside each pattern.

/** What went wrong, as a rep reads it; the extension translates the code. */
export type BounceReason =
  | 'delivered'
  | 'autoReply'
  | 'expired'
  | 'mailboxFull'
  | 'messageTooLarge'
  | 'userUnknown'
  | 'hostUnknown'
  | 'suspended'
  | 'rateLimited'
  | 'network'
  | 'spamDetected'
  | 'policy'
  | 'systemError'
  | 'unknown';

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

interface Rule {
  reason: BounceReason;
  /** Enhanced status codes (prefixes like "5.1.1", "x.2.2" for either class). */
  statuses?: readonly string[];
  /** The diagnostic text or the report's words. */
  text?: RegExp;
}

// Order matters: the first rule that matches decides. Texts are the providers' and MTAs' own words.
const RULES: readonly Rule[] = [
  // "Action: expanded/relayed/delivered" is handled before the table (RFC 3464 §2.3.3).
  // An out-of-office answer sent to the return address is no failure (RFC 3834 auto-replies).
  {
    reason: 'autoReply',
    text: /auto(?:matic)?[- ]?(?:reply|response|antwort)|out of (?:the )?office|on vacation|vacation (?:reply|message)|abwesenheit|afwezig|frånvaro|自动回复/i,
  },
  {
    reason: 'expired',
    statuses: ['x.4.7'],
    text: /gave up|giving up|retry (?:time(?:out)?|period) (?:exceeded|expired)|(?:message )?expired|has been in the queue too long|could not be delivered (?:for|within) \d+ (?:days|hours)|too many retries|maximum (?:time|retries) exceeded|delivery time expired/i,
  },
  {
    reason: 'mailboxFull',
    statuses: ['x.2.2'],
    text: /quota|mailbox (?:is )?full|mailbox size limit|over (?:the )?(?:storage )?limit|insufficient (?:disk )?(?:space|storage)|exceeded (?:its|the) storage|user(?:'s)? (?:mail ?box|account) is (?:full|over)|out of storage/i,
  },
  {
    reason: 'messageTooLarge',
    statuses: ['x.3.4', 'x.2.3'],
    text: /message (?:is )?too (?:big|large)|message size (?:exceeds|limit)|exceeds (?:the )?(?:maximum )?(?:message )?size|size limit|message length exceeds/i,
  },
  {
    reason: 'suspended',
    statuses: ['x.2.1'],
    text: /(?:account|mailbox) (?:is |has been )?(?:disabled|suspended|inactive|deactivated|locked|frozen)|(?:disabled|suspended|inactive) (?:account|mailbox|recipient)/i,
  },
  {
    reason: 'rateLimited',
    statuses: ['x.7.28', 'x.4.5'],
    text: /too many (?:connections|messages|recipients|concurrent)|rate limit|rate-limit|throttl|try (?:again )?later|temporarily (?:deferred|rate)|exceeded (?:the )?(?:message )?rate|sending (?:rate|quota) exceeded|421 /i,
  },
  // Authentication and block lists before spam: their texts often add "to protect our users from
  // spam" (Gmail's 5.7.26), yet the refusal is the sender's SPF/DMARC or reputation.
  {
    reason: 'policy',
    text: /\bspf\b|\bdkim\b|\bdmarc\b|authenticat|block ?list|blacklist|listed (?:at|on|in) |spamhaus|reputation|sender (?:address )?(?:rejected|refused|blocked|denied)/i,
  },
  {
    reason: 'spamDetected',
    text: /\bspam\b|junk mail|content (?:rejected|filter)|message (?:looks|classified) (?:like|as) (?:spam|junk)|bulk mail|unsolicited/i,
  },
  {
    reason: 'hostUnknown',
    statuses: ['x.1.2', 'x.4.4'],
    text: /host (?:or domain name )?not found|host unknown|domain (?:name )?(?:does not exist|not found|is not valid|is not reachable)|no mx|unrouteable (?:mail )?(?:domain|address)|unroutable|no smtp service|null mx|name service error|nxdomain|unknown (?:host|domain)|no such domain/i,
  },
  {
    reason: 'userUnknown',
    statuses: ['x.1.1', 'x.1.0', 'x.1.3', 'x.1.6'],
    text: /user (?:is )?unknown|unknown (?:user|recipient|local[- ]part|mailbox|address)|no such (?:user|recipient|mailbox|account|address)|(?:user|recipient|mailbox|address|account) (?:does not|doesn't) exist|(?:recipient|user) not found|invalid (?:recipient|mailbox|address)|mailbox (?:not found|unavailable|does not exist)|address rejected|not a valid (?:recipient|mailbox)|no mailbox here|account (?:not found|that you tried to reach does not exist)|doesn't have an? [\w.-]+ account|(?:address|recipient) (?:wasn.t|was not) found|not listed in (?:the )?(?:domino )?directory|no valid recipients|has moved/i,
  },
  {
    reason: 'network',
    statuses: ['x.4.1', 'x.4.2', 'x.4.3', 'x.4.6'],
    text: /connection (?:timed out|refused|reset|lost)|timed out|network (?:is )?unreachable|no route to host|could not connect|lost connection|dns (?:error|failure|lookup)|temporary (?:dns|lookup) failure/i,
  },
  {
    reason: 'policy',
    statuses: ['x.7.'],
    text: /blocked|block ?list|blacklist|denied|not permitted|not allowed|refused|rejected|policy|relay(?:ing)? (?:denied|not permitted|access denied)|spf|dmarc|dkim|reputation|not accepting mail|does not accept mail/i,
  },
  {
    reason: 'systemError',
    statuses: ['x.3.', 'x.0.0'],
    text: /system (?:error|failure|not accepting)|internal (?:server )?error|local error|mailer error|disk full|resources? (?:temporarily )?unavailable|configuration error|loops? (?:back|detected)|mail loop/i,
  },
];

/**
 * Reasons that say the address itself is dead: sisimai's hard bounces (lib/Sisimai/SMTP/Failure.pm:
 * user unknown, host unknown, has moved, not accepted with a 5xx). Everything else, a policy or
 * spam refusal included, leaves a live address: the sender or the message was refused.
 */
const HARD: ReadonlySet<BounceReason> = new Set(['userUnknown', 'hostUnknown']);
const HARD_WHEN_PERMANENT: ReadonlySet<BounceReason> = new Set([]);

function statusMatches(status: string, patterns: readonly string[] | undefined): boolean {
  if (!patterns || !status) return false;
  const rest = status.slice(2);
  return patterns.some((p) => (p.startsWith('x.') ? rest.startsWith(p.slice(2)) : status.startsWith(p)));
}

/**
 * The verdict for one recipient of one report. `status` is "" when the report had none (a free-text
 * notice): then only the words decide, and an unreadable notice is never called a dead address.
 */
export function judgeBounce(report: { action: string; status: string; text: string }): BounceVerdict {
  const { action, status, text } = report;
  if (action === 'delivered' || action === 'relayed' || action === 'expanded' || status.startsWith('2.'))
    return { reason: 'delivered', severity: 'none', final: false };
  // A delay report's x.4.7 means the relay is still within its time (Outlook's delay notices):
  // nothing has expired yet.
  const rules = action === 'delayed' ? RULES.filter((r) => r.reason !== 'expired') : RULES;
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
  const rule = (vague && dead ? byStatus : byText) ?? byStatus ?? rules.find((r) => statusMatches(status, r.statuses));
  const reason = rule?.reason ?? 'unknown';
  if (reason === 'autoReply') return { reason, severity: 'none', final: false };
  // Only a delay report says the relay goes on trying (RFC 3464 §2.3.3); a failure with a 4.x.x
  // code is still a failure.
  if (action === 'delayed') return { reason, severity: 'delayed', final: false };
  if (reason === 'expired') return { reason, severity: 'soft', final: true };
  if (HARD.has(reason)) return { reason, severity: status.startsWith('4.') ? 'soft' : 'hard', final: false };
  if (HARD_WHEN_PERMANENT.has(reason))
    return { reason, severity: status.startsWith('5.') ? 'hard' : 'soft', final: false };
  return { reason, severity: 'soft', final: false };
}
