import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { ComplaintReport } from '../../src/smtp/arf-parser.ts';
import type { DsnReport } from '../../src/smtp/dsn-parser.ts';
import { parseReport } from '../../src/smtp/report-parser.ts';

const fixtures = new URL('../../../../shared/fixtures/', import.meta.url).pathname;
if (!existsSync(`${fixtures}dsn`) || !existsSync(`${fixtures}arf`)) {
  throw new Error(
    `the real DSN/ARF samples are missing: expected ${fixtures}dsn and ${fixtures}arf (../shared beside the checkout)`,
  );
}
const read = (dir: string, file: string) => readFileSync(`${fixtures}${dir}/${file}`, 'utf8');

// [file, recipient, status, severity, blocked]
const dsnExpectations: [string, string, string, 'hard' | 'soft' | 'delayed', boolean][] = [
  ['phpbouncehandler-5.1.1.eml', 'someuser@somedomain.com', '5.1.1', 'hard', false],
  ['sisimai-lhost-amazonses-05.eml', 'bounce@simulator.amazonses.com', '5.1.1', 'hard', false],
  ['sisimai-lhost-gmail-19-nonrfc3464.eml', 'neko-nyaan@google.example.com', '5.2.2', 'soft', false],
  // An SPF, reputation or policy refusal leaves the address live: soft (sisimai's hard bounces are
  // user unknown, host unknown, has moved and a 5xx not-accepted only).
  ['sisimai-lhost-office365-03.eml', 'kijitora@example.com', '5.1.0', 'soft', true],
  ['sisimai-lhost-outlook-02-5.1.1.eml', 'kijitora@example.jp', '5.1.1', 'hard', false],
  ['sisimai-lhost-outlook-06-delayed.eml', 'kijitora@example.com', '4.4.7', 'delayed', false],
  ['sisimai-rfc3464-01.eml', 'userunknown@bouncehammer.jp', '5.1.1', 'hard', false],
  ['sisimai-rfc3464-07-delayed.eml', 'kijitora@example.net', '4.4.0', 'delayed', false],
  ['sisimai-rhost-google-02-5.1.1.eml', 'neko-nyaan@example.org', '5.1.1', 'hard', false],
  ['sisimai-rhost-google-03-5.7.26.eml', 'kijitora@google.example.com', '5.7.26', 'soft', true],
  ['sisimai-rhost-microsoft-01-5.7.606.eml', 'kijitora@example.com', '5.7.606', 'soft', true],
];

// [file, feedbackType, spam, format, recipient]
const arfExpectations: [string, string, boolean, string, string | null][] = [
  ['phpbouncehandler-fbl-aol.eml', 'abuse', true, 'arf', 'redacted@aol.com'],
  ['phpbouncehandler-fbl-hotmail.eml', 'abuse', true, 'microsoft-jmrp', 'somerecipient@hotmail.com'],
  ['sisimai-arf-01-abuse.eml', 'abuse', true, 'arf', 'redacted@example.net'],
  ['sisimai-arf-02-yahoo.eml', 'abuse', true, 'arf', 'this-local-part-does-not-exist-on-yahoo@yahoo.com'],
  ['sisimai-arf-12-optout.eml', 'opt-out', false, 'arf', 'user@example.com'],
  ['sisimai-arf-15-returnpathfbl.eml', 'abuse', true, 'arf', '"undisclosed"'],
  ['sisimai-arf-18-authfailure.eml', 'auth-failure', false, 'arf', 'kijitora@example.com'],
  ['sisimai-arf-22-hotmail-jmrp.eml', 'abuse', true, 'microsoft-jmrp', 'kijitora@example.com'],
];

describe('DSN parser on every real bounce sample', () => {
  it('covers every .eml in fixtures/dsn', () => {
    assert.deepEqual(
      readdirSync(`${fixtures}dsn`)
        .filter((f) => f.endsWith('.eml'))
        .sort(),
      dsnExpectations.map((e) => e[0]).sort(),
    );
  });
  for (const [file, recipient, status, severity, blocked] of dsnExpectations) {
    it(`${file}: ${severity} ${status} for ${recipient}`, () => {
      const report = parseReport(read('dsn', file));
      assert.equal(report.kind, 'dsn');
      const [r] = (report as DsnReport).recipients;
      assert.equal(r?.recipient, recipient);
      assert.equal(r?.status, status);
      assert.equal(r?.severity, severity);
      assert.equal(r?.blocked, blocked);
    });
  }
  it('reads the folded multi-line Diagnostic-Code of Google bounces', () => {
    const report = parseReport(read('dsn', 'sisimai-rhost-google-02-5.1.1.eml')) as DsnReport;
    assert.match(report.recipients[0]?.diagnostic ?? '', /email account that you tried to reach does not exist/);
  });
  it('marks the legacy Gmail text bounce as read from free text', () => {
    assert.equal((parseReport(read('dsn', 'sisimai-lhost-gmail-19-nonrfc3464.eml')) as DsnReport).rfc3464, false);
  });
});

describe('ARF / complaint parser on every real complaint sample', () => {
  it('covers every .eml in fixtures/arf', () => {
    assert.deepEqual(
      readdirSync(`${fixtures}arf`)
        .filter((f) => f.endsWith('.eml'))
        .sort(),
      arfExpectations.map((e) => e[0]).sort(),
    );
  });
  for (const [file, type, spam, format, recipient] of arfExpectations) {
    it(`${file}: ${type} → ${spam ? 'spam' : 'not spam'}`, () => {
      const report = parseReport(read('arf', file));
      assert.equal(report.kind, 'complaint');
      const c = report as ComplaintReport;
      assert.equal(c.feedbackType, type);
      assert.equal(c.spam, spam);
      assert.equal(c.format, format);
      assert.equal(c.recipient, recipient);
      assert.ok(c.original, 'the quoted original message is found');
    });
  }
  it('an ordinary mail is neither a bounce nor a complaint', () => {
    assert.equal(parseReport('From: a@b.c\r\nSubject: lunch?\r\n\r\nSee you at noon').kind, 'unknown');
  });
});
