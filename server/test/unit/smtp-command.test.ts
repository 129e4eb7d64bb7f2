import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedCommand } from '../../src/smtp/smtp-command.ts';

// Each MTA's own wording of the command a refusal answered, and the last one wins.
const cases: [string, string, string | null][] = [
  ['Postfix', '550 5.1.1 <a@example.com>: User unknown (in reply to RCPT TO command)', 'RCPT'],
  ['Exim after end of data', 'SMTP error from remote mail server after end of data:\n553 x does not exist', 'DATA'],
  ['a Sendmail transcript', '>>> RCPT To:<a@example.com>\n<<< 250 ok\n>>> DATA\n<<< 550 Unknown user', 'DATA'],
  ['qmail', 'most progress was RCPT TO response; remote host said: 550 Unknown user', 'RCPT'],
  ['DragonFly', 'did not like our final DATA:\n550 5.7.26 DMARC', 'DATA'],
  ['m-FILTER', '-------SMTP command\nDATA\n-------original message', 'DATA'],
  ['a bare "RCPT TO:" in a list of message details says nothing', '  RCPT TO: a@example.com', null],
];

describe('the SMTP command a refusal answered', () => {
  for (const [story, text, command] of cases) {
    it(story, () => assert.equal(refusedCommand(text), command));
  }
});
