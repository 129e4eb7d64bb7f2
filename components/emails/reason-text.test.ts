import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CommandCenterDb } from '../../lib/db/database';
import { DEMO_EVENT_REASONS, DEMO_FAILURE_REASONS } from '../../lib/demo/demo-reasons';
import { readEmailDetail } from '../../lib/emails/email-detail';
import { LOCAL_REASONS } from '../../lib/emails/local-reasons';
import type { Reason } from '../../lib/emails/reason';
import { fakeGetMessage, LOCALES, type Locale } from '../../lib/i18n/chrome-i18n-fake';
import { testEmail } from '../../tests/support/test-emails';
import { REASON_MESSAGES } from './reason-messages';
import { codeParamText, type MessageSource, reasonText } from './reason-text';

const LANGUAGE_TAGS: Record<Locale, string> = {
  en: 'en',
  de: 'de',
  nl: 'nl',
  sv: 'sv',
  zh_CN: 'zh-CN',
  pt_BR: 'pt-BR',
};
const inLocale = (locale: Locale): MessageSource => ({
  getMessage: fakeGetMessage(locale),
  locale: LANGUAGE_TAGS[locale],
});
const german = inLocale('de');

const tooSoon: Reason = {
  code: 'scanner.tooSoonAfterSend',
  params: { seconds: 12.3, windowSeconds: 30 },
  text: 'scanner: 12.3 s after send (window 30 s)',
};

describe('a reason in the rep’s language', () => {
  it('a German rep reads a known code in German, its numbers written the German way', () => {
    expect(reasonText(tooSoon, german)).toBe('12,3 s nach dem Versand, innerhalb des Scanner-Fensters von 30 s');
  });

  it('an English rep reads the message, not the server’s log text', () => {
    expect(reasonText(tooSoon, inLocale('en'))).toBe('12.3 s after sending, inside the 30 s scanner window');
  });

  it('parameters land where each language puts them (positional substitutions)', () => {
    const burst: Reason = {
      code: 'scanner.clickBurst',
      params: { links: 3, windowSeconds: 10 },
      text: 'scanner: 3+ links …',
    };
    expect(reasonText(burst, inLocale('zh_CN'))).toBe('同一地址在 10 秒内点击了 3 个或更多链接');
    expect(reasonText(burst, inLocale('sv'))).toBe('3 eller fler länkar klickade inom 10 s från en adress');
  });

  it('the remote server’s detail follows the translated reason as it came', () => {
    const bounce: Reason = {
      code: 'bounce.hard',
      params: { status: '5.1.1' },
      text: 'bounce: hard bounce (5.1.1) — bob@example.com: 5.1.1 user unknown',
      detail: 'bob@example.com: 5.1.1 user unknown',
    };
    expect(reasonText(bounce, german)).toBe('Hardbounce (5.1.1) — bob@example.com: 5.1.1 user unknown');
  });

  it('a tracking server problem is said in the rep’s language, without the English technical detail', () => {
    const refused: Reason = {
      code: 'untracked.serverProblem',
      params: { problem: 'unreachable' },
      text: 'the tracking server could not register it — The tracking server could not be reached (TypeError: Failed to fetch).',
      detail: 'The tracking server could not be reached (TypeError: Failed to fetch).',
    };
    expect(reasonText(refused, german)).toBe('Der Tracking-Server war nicht erreichbar');
    // A kind this version does not know keeps the general message and the detail.
    expect(reasonText({ ...refused, params: { problem: 'somethingNew' } }, german)).toBe(
      'Der Tracking-Server konnte sie nicht registrieren — The tracking server could not be reached (TypeError: Failed to fetch).',
    );
  });

  it('a code this version does not know (a newer server) shows the English text', () => {
    expect(
      reasonText(
        { code: 'scanner.quantumProbe', params: { qubits: 7 }, text: 'scanner: quantum probe (7 qubits)' },
        german,
      ),
    ).toBe('scanner: quantum probe (7 qubits)');
  });

  it('a row from before reason codes shows its text', () => {
    expect(reasonText({ text: 'archived by rep: tracking off' }, german)).toBe('archived by rep: tracking off');
  });

  it('a known code missing a parameter, or with one of the wrong kind, shows the English text', () => {
    expect(reasonText({ code: 'scanner.tooSoonAfterSend', params: { seconds: 12 }, text: 'english' }, german)).toBe(
      'english',
    );
    expect(reasonText({ code: 'scanner.tooSoonAfterSend', text: 'english' }, german)).toBe('english');
    expect(
      reasonText(
        { code: 'bounce.hard', params: { status: { nested: true } as unknown as string }, text: 'english' },
        german,
      ),
    ).toBe('english');
  });

  it('a message the browser cannot find shows the English text', () => {
    expect(reasonText(tooSoon, { getMessage: () => '', locale: 'de' })).toBe(tooSoon.text);
  });

  it('an email stored before reason codes still shows its history and failure text', async () => {
    const db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
    try {
      await db.emails.put(
        testEmail('old', 'bounced', {
          failureReason: 'hard bounce — 5.1.1 user unknown',
          statusHistory: [{ status: 'bounced', at: 2_000, reason: 'hard bounce' }],
        }),
      );
      const { email } = await readEmailDetail(db, 'old');
      if (email?.kind !== 'email') throw new Error('expected the email');
      expect(email.statusHistory.map((change) => reasonText(change.reason, german))).toEqual(['hard bounce']);
      expect(reasonText(email.failure!, german)).toBe('hard bounce — 5.1.1 user unknown');
    } finally {
      await db.delete();
    }
  });
});

describe('a delivery report judged by its reason (issue #14)', () => {
  const english = inLocale('en');
  const report = (code: string, reason: string, status: string): Reason => ({
    code,
    params: { reason, status },
    text: `english text of ${code}`,
  });

  it.each([
    [
      'deferred.softBounce',
      'mailboxFull',
      '5.2.2',
      'Mailbox full (5.2.2); the relay will retry',
      'Postfach voll (5.2.2); das Relay versucht es erneut',
    ],
    [
      'deferred.delayedReason',
      'mailboxFull',
      '4.2.2',
      'Delivery delayed: mailbox full (4.2.2)',
      'Zustellung verzögert: Postfach voll (4.2.2)',
    ],
    [
      'failed.expiredReport',
      'network',
      '4.4.7',
      'Gave up after the relay’s retries: network trouble (4.4.7)',
      'Nach den Wiederholungen des Relays aufgegeben: Netzwerkproblem (4.4.7)',
    ],
    [
      'bounce.hardReason',
      'userUnknown',
      '5.1.1',
      'Hard bounce: user unknown (5.1.1)',
      'Hardbounce: Empfänger unbekannt (5.1.1)',
    ],
    ['bounce.blockedReason', 'policy', '5.7.1', 'Blocked: policy (5.7.1)', 'Blockiert: Richtlinie (5.7.1)'],
  ])('%s of %s reads in English and wholly in German', (code, reason, status, en, de) => {
    expect(reasonText(report(code, reason, status), english)).toBe(en);
    expect(reasonText(report(code, reason, status), german)).toBe(de);
  });

  it('the remote server’s diagnostic follows as it came', () => {
    const full = {
      ...report('deferred.softBounce', 'mailboxFull', '5.2.2'),
      detail: 'bob@example.com: 5.2.2 over quota',
    };
    expect(reasonText(full, german)).toBe(
      'Postfach voll (5.2.2); das Relay versucht es erneut — bob@example.com: 5.2.2 over quota',
    );
  });

  it('a report without an enhanced status shows no empty brackets', () => {
    expect(reasonText(report('bounce.hardReason', 'hostUnknown', ''), english)).toBe('Hard bounce: domain unknown');
    expect(reasonText(report('deferred.softBounce', 'mailboxFull', ''), inLocale('zh_CN'))).toBe(
      '邮箱已满；中继服务器会重试',
    );
  });

  it('a reason this version does not know (a newer server) shows the English text', () => {
    expect(reasonText(report('deferred.softBounce', 'quantumFoam', '4.0.0'), german)).toBe(
      'english text of deferred.softBounce',
    );
    // Nor is a name inherited by every object taken for a reason.
    expect(reasonText(report('deferred.softBounce', 'toString', '4.0.0'), german)).toBe(
      'english text of deferred.softBounce',
    );
    expect(reasonText({ code: 'bounce.hardReason', params: { status: '5.1.1' }, text: 'english' }, german)).toBe(
      'english',
    );
  });
});

/** The `| code | params | …` rows of the table in server/README.md. */
function serverCodes(): Map<string, string[]> {
  const readme = readFileSync(new URL('../../server/README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('### Reason codes');
  const section = readme.slice(start, readme.indexOf('\n## ', start));
  return new Map(
    [...section.matchAll(/^\| `([^`]+)` \| ([^|]+) \|/gm)].map(([, code = '', params = '']) => [
      code,
      [...params.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''),
    ]),
  );
}

describe('every reason the product writes has a message in every language', () => {
  it('each code of the tracking server (server/README.md) has a message taking the same parameters', () => {
    const codes = serverCodes();
    expect(codes.size).toBeGreaterThan(30);
    for (const [code, params] of codes)
      expect([...(REASON_MESSAGES.get(code)?.params ?? ['(no message)'])].sort(), code).toEqual([...params].sort());
  });

  it('each reason the extension and the demo write has a message taking its parameters', () => {
    const written: Reason[] = [
      ...Object.values(LOCAL_REASONS),
      ...Object.values(DEMO_EVENT_REASONS),
      ...Object.values(DEMO_FAILURE_REASONS).flat(),
    ];
    for (const reason of written) {
      const message = REASON_MESSAGES.get(reason.code ?? '(none)');
      expect(message, reason.text).toBeDefined();
      expect([...message!.params].sort(), reason.code).toEqual(Object.keys(reason.params ?? {}).sort());
    }
  });

  it.each(LOCALES)('%s renders every code with all its parameters and no placeholder left', (locale) => {
    for (const [code, { params, codeParams }] of REASON_MESSAGES) {
      // A parameter that is a code takes each of its values in turn; the others a marker.
      const coded = params.find((name) => codeParams?.[name]);
      for (const codeValue of coded ? Object.keys(codeParams?.[coded] ?? {}) : ['']) {
        const values = Object.fromEntries(
          params.map((name, i) => [name, name === coded ? codeValue : `‹${name}${i}›`]),
        );
        const reason = { code, params: values, text: '(english fallback)' };
        const text = reasonText(reason, inLocale(locale));
        expect(text, `${locale} ${code}`).not.toBe('(english fallback)');
        expect(text, `${locale} ${code}`).not.toContain('$');
        for (const [name, value] of Object.entries(values)) {
          const said = name === coded ? codeParamText(reason, name, inLocale(locale)) : value;
          expect(said, `${locale} ${code} ${value}`).not.toBe('');
          expect(text.toLocaleLowerCase(), `${locale} ${code}`).toContain(said.toLocaleLowerCase());
        }
      }
    }
  });
});
