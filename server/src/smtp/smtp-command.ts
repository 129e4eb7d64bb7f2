// Which SMTP command the remote server was answering when it refused: a "user unknown" in reply
// to RCPT TO is a dead mailbox, the same words after DATA are the recipient's filter at work
// (sisimai lib/Sisimai/Reason/Filtered.pm: "all the MTAs read the headers and the entire message
// body after the DATA command"). The phrases are each MTA's own report wording.

export type SmtpCommand = 'CONN' | 'HELO' | 'MAIL' | 'RCPT' | 'DATA';

const PHRASES: readonly [SmtpCommand, RegExp][] = [
  // Postfix: "(in reply to RCPT TO command)", "(in reply to end of DATA command)".
  ['RCPT', /in reply to RCPT TO command/g],
  ['DATA', /in reply to (?:end of )?DATA command/g],
  ['MAIL', /in reply to MAIL FROM command/g],
  // Exim (sisimai lib/Sisimai/Lhost/Exim.pm): "SMTP error from remote mail server after RCPT TO:<…>",
  // "… after end of data", "… after MAIL FROM:<…>", "… after initial connection".
  ['RCPT', /error from remote (?:mail server|mailer) after RCPT\b/gi],
  ['DATA', /error from remote (?:mail server|mailer) after (?:end of )?data\b/gi],
  ['MAIL', /error from remote (?:mail server|mailer) after MAIL\b/gi],
  ['CONN', /error from remote (?:mail server|mailer) after initial connection/gi],
  // Sendmail's transcript: ">>> RCPT To:<…>" then "<<< 550 …".
  ['RCPT', /^>>> RCPT\b/gim],
  ['DATA', /^>>> DATA\b/gim],
  ['MAIL', /^>>> MAIL\b/gim],
  // qmail-remote: "most progress was RCPT TO response".
  ['RCPT', /most progress was RCPT TO response/g],
  // DragonFly Mail Agent: "did not like our RCPT TO:", "did not like our final DATA:".
  ['RCPT', /did not like our RCPT TO/g],
  ['DATA', /did not like our (?:final )?DATA/g],
  // The MTA sisimai calls X3 (lib/Sisimai/Lhost/X3.pm): "SMTP:RCPT host 192.0.2.8: 553 …".
  ['RCPT', /\bSMTP:RCPT host\b/g],
  // m-FILTER (sisimai lib/Sisimai/Lhost/mFILTER.pm): a "-------SMTP command" line, then the command.
  ['RCPT', /^-+SMTP command\s*\r?\n\s*RCPT/gm],
  ['DATA', /^-+SMTP command\s*\r?\n\s*DATA/gm],
];

/** The last command a refusal in `text` answered, or null when the report does not say. */
export function refusedCommand(text: string): SmtpCommand | null {
  let last: { at: number; command: SmtpCommand } | null = null;
  for (const [command, pattern] of PHRASES) {
    for (const match of text.matchAll(pattern)) {
      if (!last || match.index > last.at) last = { at: match.index, command };
    }
  }
  return last?.command ?? null;
}
