// What particular MTAs and providers mean by their words, where that differs from the general table
// (bounce-rules.ts): one entry per MTA, keyed by how its report shows who wrote it or who refused.
// Facts read from sisimai's per-MTA modules (p5-sisimai 21cfb93, lib/Sisimai/Lhost/*.pm and
// Rhost/*.pm), never its code; each entry names its module and quotes the MTA's own words.
import type { BounceReason } from './bounce-rules.ts';
import { header, type MimePart } from './mime.ts';

/** What a convention may look at: the report's headers and its own words (no pasted original). */
export interface ReportFacts {
  root: MimePart;
  subject: string;
  words: string;
}

export interface MtaConvention {
  mta: string;
  recognise(report: ReportFacts): boolean;
  /** Its reports are bounces although neither From nor Subject says so. */
  isBounce?: boolean;
  /** Its words (or codes) for a condition; they decide before the status and the general table. */
  words?: readonly { reason: BounceReason; text?: RegExp; status?: string }[];
  /** Where its free-text report names the failed recipient. */
  recipient?: RegExp;
}

const headerValues = (root: MimePart, name: string) => root.headers.get(name) ?? [];
const subjectStarts = (r: ReportFacts, ...starts: string[]) => starts.some((p) => r.subject.startsWith(p));
const from = (r: ReportFacts) => header(r.root, 'from') ?? '';

const CONVENTIONS: readonly MtaConvention[] = [
  {
    // Rhost/KDDI.pm: au's servers (".ezweb.ne.jp", "msmx.au.com", Rhost.pm) answer "550 : User
    // unknown", with no address, when their receiver filter refuses; "550 <addr>: User unknown" is
    // a dead address.
    mta: 'KDDI (au)',
    recognise: (r) => /\.ezweb\.ne\.jp\b|\bmsmx\.au\.com\b/i.test(r.words),
    words: [{ reason: 'policy', text: /\b550 : user unknown/i }],
  },
  {
    // Lhost/Domino.pm: Domino's subject starts "DELIVERY FAILURE:"; "not listed in Domino Directory"
    // (and its Spanish and French forms) is a dead address, "Cannot route mail to user" a filter.
    mta: 'Lotus Domino',
    recognise: (r) => subjectStarts(r, 'DELIVERY FAILURE:', 'DELIVERY_FAILURE:'),
    words: [
      {
        reason: 'userUnknown',
        text: /not listed in Domino Directory|not listed in public Name & Address Book|no se encuentra en el Directorio de Domino|non répertorié dans l'annuaire Domino/,
      },
      { reason: 'policy', text: /Cannot route mail to user/ },
    ],
  },
  {
    // Lhost/Exchange2003.pm: Exchange 2000/2003 (X-MS-Embedded-Report, X-Mailer "Internet Mail
    // Service (" or "Microsoft Exchange Server Internet Mail Connector", X-MimeOLE "Produced By
    // Microsoft Exchange") puts an error code in brackets: 000C05A6 "Unknown Recipient", 000C0595
    // "Ambiguous Recipient" (filtered).
    mta: 'Exchange 2003',
    recognise: (r) =>
      headerValues(r.root, 'x-ms-embedded-report').length > 0 ||
      /^(?:Internet Mail Service \(|Microsoft Exchange Server Internet Mail Connector)/.test(
        header(r.root, 'x-mailer') ?? '',
      ) ||
      (header(r.root, 'x-mimeole') ?? '').startsWith('Produced By Microsoft Exchange'),
    words: [
      { reason: 'userUnknown', text: /\b000C05A6\b/ },
      { reason: 'policy', text: /\b000C0595\b/ },
    ],
  },
  {
    // Lhost/Office365.pm: Exchange Online's reports (Subject "Undeliverable:", an
    // X-MS-Exchange-Message-Is-Ndr header) say 5.1.10 for a recipient not found.
    mta: 'Office 365',
    recognise: (r) =>
      r.subject.includes('Undeliverable:') || headerValues(r.root, 'x-ms-exchange-message-is-ndr').length > 0,
    words: [{ reason: 'userUnknown', status: '5.1.10' }],
  },
  {
    // Rhost/Microsoft.pm: Exchange Online as the receiving server (".prod.outlook.com",
    // ".protection.outlook.com", Rhost.pm) says "5.4.1 … Recipient address rejected: Access denied"
    // and "5.1.10 … Recipient not found" of a mailbox that does not exist.
    mta: 'Microsoft (receiving)',
    recognise: (r) => /\.(?:prod|protection)\.outlook\.com\b/i.test(r.words),
    words: [
      { reason: 'userUnknown', status: '5.4.1', text: /recipient address rejected: access denied/i },
      { reason: 'userUnknown', status: '5.1.10', text: /recipient not found/i },
    ],
  },
  {
    // Rhost/YahooInc.pm: Yahoo's servers (".yahoodns.net", and the mta*.mail.*.yahoo.com hosts that
    // write its replies) say "dd This user doesn't have a yahoo.com account" and "mailbox not found".
    mta: 'Yahoo (receiving)',
    recognise: (r) => /\.yahoodns\.net\b|\bmta\d+\.mail\.[\w.]+\.yahoo\.com\b/i.test(r.words),
    words: [{ reason: 'userUnknown', text: /dd this user doesn't have an? |mailbox not found/i }],
  },
  {
    // Lhost/IMailServer.pm: Ipswitch IMail (Subject "Undeliverable Mail ", X-Mailer "<SMTP32 v")
    // says "Unknown user" / "Invalid final delivery userid" of a dead address, "Unknown host" of a
    // dead domain, "User mailbox exceeds allowed size" of a full one.
    mta: 'IMail Server',
    recognise: (r) =>
      subjectStarts(r, 'Undeliverable Mail ') || (header(r.root, 'x-mailer') ?? '').startsWith('<SMTP32 v'),
    words: [
      { reason: 'userUnknown', text: /Unknown user|Invalid final delivery userid/ },
      { reason: 'hostUnknown', text: /Unknown host/ },
      { reason: 'mailboxFull', text: /User mailbox exceeds allowed size/ },
    ],
  },
  {
    // Lhost/McAfee.pm: McAfee's gateway (X-NAI-Header "Modified by McAfee", Subject "Delivery
    // Status") uses " User not exist", " unknown.", "550 Unknown user ", "No such user".
    mta: 'McAfee',
    recognise: (r) => headerValues(r.root, 'x-nai-header').some((v) => v.includes('Modified by McAfee')),
    words: [{ reason: 'userUnknown', text: / User not exist| unknown\.|550 Unknown user |No such user/ }],
  },
  {
    // Lhost/MessageLabs.pm: Symantec MessageLabs (X-Msg-Ref, From MAILER-DAEMON@messagelabs.com,
    // Subject "Mail Delivery Failure") says "542 ", " Rejected", "No such user" of a dead address.
    mta: 'MessageLabs',
    recognise: (r) => headerValues(r.root, 'x-msg-ref').length > 0 && /MAILER-DAEMON@messagelabs\.com/i.test(from(r)),
    words: [{ reason: 'userUnknown', text: /\b542 | Rejected|No such user/ }],
  },
  {
    // Lhost/PowerMTA.pm: PowerMTA (Subject "Delivery report") names its bounce category in the
    // report: "X-PowerMTA-BounceCategory: bad-mailbox" is a dead address.
    mta: 'PowerMTA',
    recognise: (r) => r.subject.includes('Delivery report'),
    words: [{ reason: 'userUnknown', text: /X-PowerMTA-BounceCategory:\s*bad-mailbox/i }],
  },
  {
    // Lhost/Verizon.pm: Verizon Wireless (Received from ".vtext.com (", From post_master@vtext.com)
    // says "550 - Requested action not taken: no such user here" and "No valid recipients for this
    // MM" of a dead address.
    mta: 'Verizon',
    recognise: (r) => headerValues(r.root, 'received').some((v) => v.includes('.vtext.com (')),
    words: [{ reason: 'userUnknown', text: /no such user here|No valid recipients for this MM/ }],
  },
  {
    // Lhost/Notes.pm: Lotus Notes writes "------- Failure Reasons --------", then "User not listed
    // in public Name & Address Book" or, in Japanese, "ディレクトリのリストにありません" (not in the
    // directory), both a dead address; "Message has exceeded maximum hop count" is a network fault.
    mta: 'Lotus Notes',
    recognise: (r) => /^-+ Failure Reasons/m.test(r.words),
    words: [
      { reason: 'userUnknown', text: /User not listed in public Name & Address Book|ディレクトリのリストにありません/ },
      { reason: 'network', text: /Message has exceeded maximum hop count/ },
    ],
  },
  {
    // Lhost/Biglobe.pm: BIGLOBE's postmaster (biglobe, inacatv, tmtv, ttv .ne.jp) says "The number
    // of messages in recipient's mailbox exceeded the local limit." for a full mailbox.
    mta: 'BIGLOBE',
    recognise: (r) =>
      /postmaster@(?:[\w-]+\.)*(?:biglobe|inacatv|tmtv|ttv)\.ne\.jp/i.test(header(r.root, 'from') ?? ''),
    words: [{ reason: 'mailboxFull', text: /number of messages in recipient's mailbox exceeded the local limit/i }],
  },
  {
    // Lhost/FML.pm: the fml list server (an X-MLServer header) refuses a post from a non-member
    // ("You are not a member of this mailing list", "… are not member") and reports mail loops
    // ("Loop Alert: ", "Loop Back Warning:"). Its notices come from the list's -admin address.
    mta: 'fml',
    recognise: (r) => headerValues(r.root, 'x-mlserver').length > 0,
    isBounce: true,
    words: [
      { reason: 'policy', text: /are not (?:a )?member|NOT MEMBER article from|header may cause mail loop/ },
      { reason: 'systemError', text: /Loop Alert: |Loop Back Warning|UNIX FROM Loop|has detected a loop condition/ },
    ],
  },
  {
    // Lhost/ApacheJames.pm: Apache James is known by a "[BOUNCE]" subject, a JavaMail Message-Id or
    // a "JAMES SMTP Server" Received line; its "Message details" name the recipient as "RCPT TO:".
    mta: 'Apache James',
    recognise: (r) =>
      r.subject === '[BOUNCE]' ||
      (header(r.root, 'message-id') ?? '').includes('.JavaMail.') ||
      headerValues(r.root, 'received').some((v) => v.includes('JAMES SMTP Server')),
    isBounce: true,
    recipient: /^\s*RCPT TO:\s*<?([^\s<>]+@[^\s<>]+)/m,
  },
];

export function conventionsFor(report: ReportFacts): MtaConvention[] {
  return CONVENTIONS.filter((c) => c.recognise(report));
}

/** The reason an MTA's own words (and code) give, before any general rule. */
export function conventionalReason(
  conventions: readonly MtaConvention[],
  text: string,
  status: string,
): BounceReason | null {
  for (const c of conventions) {
    const word = c.words?.find((w) => (!w.text || w.text.test(text)) && (!w.status || status === w.status));
    if (word) return word.reason;
  }
  return null;
}
