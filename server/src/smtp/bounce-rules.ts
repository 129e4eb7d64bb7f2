// The table of sourced rules behind judgeBounce (bounce-reasons.ts): each reads the enhanced status
// code (RFC 3463: class.subject.detail) or the remote server's words. Sources, for facts only:
// RFC 3463 §3 (the subject and detail codes), sisimai's documented reasons (libsisimai.org/en/reason)
// and its lib/Sisimai/Reason/*.pm word lists, and the providers' own texts quoted beside each pattern.
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

export interface Rule {
  reason: BounceReason;
  /** Enhanced status codes (prefixes like "5.1.1", "x.2.2" for either class). */
  statuses?: readonly string[];
  /** The diagnostic text or the report's words. */
  text?: RegExp;
  /**
   * A permanent (5.x.x or status-less) refusal under this rule kills the address although the reason
   * is not a dead mailbox: sisimai's hard "notaccept" (lib/Sisimai/SMTP/Failure.pm is_hardbounce).
   */
  hardWhenPermanent?: boolean;
}

// Order matters: the first rule that matches decides. Texts are the providers' and MTAs' own words.
export const RULES: readonly Rule[] = [
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
  // cPanel's Exim says "The account or domain may not exist, they may be blacklisted, or missing the
  // proper dns entries": sisimai reads it as host unknown (lib/Sisimai/Reason/HostUnknown.pm), and
  // it must come before the block-list words it contains.
  { reason: 'hostUnknown', text: /the account or domain may not exist/i },
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
  // The destination takes no mail at all (a null MX, RFC 7505; no MX or SMTP service): sisimai's
  // "notaccept", hard when permanent. Words from lib/Sisimai/Reason/NotAccept.pm (iCloud's
  // "host/domain does not accept mail", Yahoo's "No mx record found for domain=") and Exim's
  // routers (lib/Sisimai/Lhost/Exim.pm: "an MX or SRV record indicated no SMTP service").
  {
    reason: 'policy',
    text: /(?:host\/domain|host|domain) does not accept mail|does not accept mail \(nullmx\)|mail receiving disabled|no mx (?:record )?found for domain|indicated no smtp service|null mx/i,
    hardWhenPermanent: true,
  },
  {
    reason: 'hostUnknown',
    statuses: ['x.1.2', 'x.4.4'],
    // "553 <host> does not exist" is sisimai's pair for an unknown host (Reason/HostUnknown.pm).
    text: /host (?:or domain name )?not found|host unknown|domain (?:name )?(?:does not exist|not found|is not valid|is not reachable)|no mx|unrouteable (?:mail )?(?:domain|address)|unroutable|no smtp service|name service error|nxdomain|unknown (?:host|domain)|no such domain|\b553 \S+ does not exist/i,
  },
  {
    reason: 'userUnknown',
    statuses: ['x.1.1', 'x.1.0', 'x.1.3', 'x.1.6'],
    // Not Postfix's bare "Recipient address rejected:": its smtpd puts it before every refusal of a
    // recipient ("…: Access denied", sisimai's "…: On hold", "…: No relaying"), not only "User unknown".
    text: /user (?:is )?unknown|unknown (?:user|recipient|local[- ]part|mailbox|address)|no such (?:user|recipient|mailbox|account|address)|(?:user|recipient|mailbox|address|account) (?:does not|doesn't) exist|(?:recipient|user) not found|invalid (?:recipient|mailbox|address)|mailbox (?:not found|unavailable|does not exist)|not a valid (?:recipient|mailbox)|no mailbox here|account (?:not found|that you tried to reach does not exist)|doesn't have an? [\w.-]+ account|(?:address|recipient) (?:wasn.t|was not) found|not listed in (?:the )?(?:domino )?directory|no valid recipients|has moved/i,
  },
  {
    reason: 'network',
    statuses: ['x.4.1', 'x.4.2', 'x.4.3', 'x.4.6'],
    text: /connection (?:timed out|refused|reset|lost)|timed out|network (?:is )?unreachable|no route to host|could not connect|lost connection|dns (?:error|failure|lookup)|temporary (?:dns|lookup) failure/i,
  },
  {
    reason: 'policy',
    statuses: ['x.7.'],
    text: /blocked|block ?list|blacklist|denied|not permitted|not allowed|refused|rejected|policy|relay(?:ing)? (?:denied|not permitted|access denied)|spf|dmarc|dkim|reputation|not accepting mail/i,
  },
  {
    reason: 'systemError',
    statuses: ['x.3.', 'x.0.0'],
    text: /system (?:error|failure|not accepting)|internal (?:server )?error|local error|mailer error|disk full|resources? (?:temporarily )?unavailable|configuration error|loops? (?:back|detected)|mail loop/i,
  },
];
