import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judgeBounce } from '../../src/smtp/bounce-reasons.ts';

// [story, action, status, diagnostic or report text, reason, severity, final]
const cases: [string, string, string, string, string, string, boolean][] = [
  [
    'a dead mailbox',
    'failed',
    '5.1.1',
    '550 5.1.1 <dana@example.com>: Recipient address rejected: User unknown',
    'userUnknown',
    'hard',
    false,
  ],
  [
    'a dead domain',
    'failed',
    '5.1.2',
    'Host or domain name not found. Name service error',
    'hostUnknown',
    'hard',
    false,
  ],
  [
    'a full mailbox said with 5.x.x',
    'failed',
    '5.2.2',
    '552 5.2.2 The email account that you tried to reach is over quota',
    'mailboxFull',
    'soft',
    false,
  ],
  ['over quota with a generic 5.0.0', 'failed', '5.0.0', '550 Mailbox quota exceeded', 'mailboxFull', 'soft', false],
  [
    'a message too large',
    'failed',
    '5.3.4',
    '552 5.3.4 Message size exceeds fixed maximum message size',
    'messageTooLarge',
    'soft',
    false,
  ],
  ['a system error', 'failed', '5.3.0', '554 5.3.0 Internal server error', 'systemError', 'soft', false],
  [
    'too many connections, said with 5.7.1',
    'failed',
    '5.7.1',
    '550 5.7.1 Too many connections from your IP',
    'rateLimited',
    'soft',
    false,
  ],
  ['network trouble', 'failed', '5.4.1', 'connection timed out', 'network', 'soft', false],
  [
    'expired after the retries, no status',
    'failed',
    '',
    'I gave up after retrying for 5 days',
    'expired',
    'soft',
    true,
  ],
  [
    'expired with 4.4.7 on a failure',
    'failed',
    '4.4.7',
    'Message expired: delivery time expired',
    'expired',
    'soft',
    true,
  ],
  ['a delay', 'delayed', '4.4.7', 'Delivery has been delayed; the server will retry', 'unknown', 'delayed', false],
  ['a success report', 'delivered', '2.0.0', '250 2.0.0 OK', 'delivered', 'none', false],
  [
    'an out-of-office reply',
    'failed',
    '',
    'Automatic reply: I am out of the office until Monday',
    'autoReply',
    'none',
    false,
  ],
  [
    'an SPF refusal that mentions spam',
    'failed',
    '5.7.26',
    'fails to pass SPF checks. To protect our users from spam, the message has been blocked',
    'policy',
    'soft',
    false,
  ],
  ['content judged spam', 'failed', '5.7.1', '554 5.7.1 Message rejected as spam', 'spamDetected', 'soft', false],
  [
    'an unreadable free-text notice is no dead address',
    'failed',
    '',
    'Something went wrong with your message',
    'unknown',
    'soft',
    false,
  ],
  [
    'a failure said with 4.x.x is still a failure, not a delay',
    'failed',
    '4.2.2',
    'mailbox full',
    'mailboxFull',
    'soft',
    false,
  ],
];

describe('a delivery report judged by its reason', () => {
  for (const [story, action, status, text, reason, severity, final] of cases) {
    it(story, () => {
      assert.deepEqual(judgeBounce({ action, status, text }), { reason, severity, final });
    });
  }
});

describe('"user unknown" read as sisimai reads it', () => {
  it('is a dead mailbox when it answered RCPT TO', () => {
    const verdict = judgeBounce({ action: 'failed', status: '', text: '550 Unknown user', command: 'RCPT' });
    assert.deepEqual(verdict, { reason: 'userUnknown', severity: 'hard', final: false });
  });
  it('is a dead mailbox when a mailbox code says so, whatever the command', () => {
    const verdict = judgeBounce({ action: 'failed', status: '5.1.1', text: '550 5.1.1 User unknown', command: 'DATA' });
    assert.deepEqual(verdict, { reason: 'userUnknown', severity: 'hard', final: false });
  });
  it('is the recipient filter after DATA, or when the report does not say (a soft refusal)', () => {
    for (const command of ['DATA', null] as const) {
      const verdict = judgeBounce({ action: 'failed', status: '', text: '550 unknown user', command });
      assert.deepEqual(verdict, { reason: 'policy', severity: 'soft', final: false });
    }
  });
  it("gives way to the reporting MTA's own convention", () => {
    const verdict = judgeBounce({
      action: 'failed',
      status: '',
      text: '550 : User unknown',
      conventional: 'userUnknown',
    });
    assert.deepEqual(verdict, { reason: 'userUnknown', severity: 'hard', final: false });
  });
  it('a destination that takes no mail (null MX) is hard when permanent, soft when temporary', () => {
    const text = 'host/domain does not accept mail';
    assert.equal(judgeBounce({ action: 'failed', status: '5.1.10', text }).severity, 'hard');
    assert.equal(judgeBounce({ action: 'failed', status: '4.0.0', text }).severity, 'soft');
  });
});
