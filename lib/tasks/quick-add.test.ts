import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Due, type KnownPerson, type PersonPart, parseQuickAdd, type QuickAddLocale } from './quick-add';

const people: KnownPerson[] = [
  { id: 'dana', name: 'Dana Whitfield', email: 'dana@northwind.example' },
  { id: 'jorg', name: 'Jörg Müller', email: 'joerg@mueller.example' },
  { id: 'jan', name: 'Jan de Vries', email: 'jan@devries.example' },
  { id: 'sarah', name: 'Sarah Chen', email: 'sarah@chen.example' },
  { id: 'joao', name: 'João Silva', email: 'joao@silva.example' },
  { id: 'asa', name: 'Åsa Lind', email: 'asa@lind.example' },
  { id: 'zhang', name: '张伟', email: 'zhang.wei@example.cn' },
];
const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? '';

// Every clock reads Tuesday 1 December 2026, 10:00, where the rep works.
const ZONES: Record<QuickAddLocale, string> = {
  en: 'America/Los_Angeles',
  de: 'Europe/Berlin',
  nl: 'Europe/Amsterdam',
  pt_BR: 'America/Sao_Paulo',
  sv: 'Europe/Stockholm',
  zh_CN: 'Asia/Shanghai',
};
const OFFSETS: Record<QuickAddLocale, string> = {
  en: '-08:00',
  de: '+01:00',
  nl: '+01:00',
  pt_BR: '-03:00',
  sv: '+01:00',
  zh_CN: '+08:00',
};

function parse(text: string, locale: QuickAddLocale, now = `2026-12-01T10:00${OFFSETS[locale]}`, zone = ZONES[locale]) {
  return parseQuickAdd(text, { locale, now: Date.parse(now), timeZone: zone, people });
}

/** '2026-12-02' is a due day; '2026-12-02T09:00-08:00' a due instant. */
function due(expected: string | null): Due | null {
  if (expected === null) return null;
  return expected.length === 10 ? { kind: 'day', day: expected } : { kind: 'dateTime', at: Date.parse(expected) };
}

function person(expected: string | { text: string } | null): PersonPart | null {
  return typeof expected === 'string' ? { id: expected, name: nameOf(expected) } : expected;
}

interface Expected {
  type: 'email' | 'call' | 'linkedin' | 'custom';
  /** A known person's id, a name kept as text, or nobody. */
  person: string | { text: string } | null;
  due: string | null;
  high?: true;
  title?: string;
}

const PHRASES: Record<QuickAddLocale, [string, Expected][]> = {
  en: [
    [
      'Call Dana tomorrow 9am high',
      { type: 'call', person: 'dana', due: '2026-12-02T09:00-08:00', high: true, title: 'Call Dana' },
    ],
    [
      'Email Bob about pricing on Friday',
      { type: 'email', person: { text: 'Bob' }, due: '2026-12-04', title: 'Email Bob about pricing' },
    ],
    [
      'LinkedIn Sarah Chen next Monday',
      { type: 'linkedin', person: 'sarah', due: '2026-12-07', title: 'LinkedIn Sarah Chen' },
    ],
    [
      'call jorg at 3pm urgent',
      { type: 'call', person: 'jorg', due: '2026-12-01T15:00-08:00', high: true, title: 'call jorg' },
    ],
    [
      'Send the proposal to Acme by Dec 24',
      { type: 'custom', person: { text: 'Acme' }, due: '2026-12-24', title: 'Send the proposal to Acme' },
    ],
    ['ping Tom in 2 hours', { type: 'custom', person: null, due: '2026-12-01T12:00-08:00', title: 'ping Tom' }],
    [
      'email dana whitfield 12/15 10:30am !',
      { type: 'email', person: 'dana', due: '2026-12-15T10:30-08:00', high: true },
    ],
    ['Call Dana in 3 days', { type: 'call', person: 'dana', due: '2026-12-04', title: 'Call Dana' }],
    [
      'Follow up with Priya next week',
      { type: 'custom', person: { text: 'Priya' }, due: '2026-12-08', title: 'Follow up with Priya' },
    ],
    ['Call Dana Friday noon', { type: 'call', person: 'dana', due: '2026-12-04T12:00-08:00' }],
    [
      'Phone Jan on Dec 3 at 4:30pm',
      { type: 'call', person: 'jan', due: '2026-12-03T16:30-08:00', title: 'Phone Jan' },
    ],
    ['Prepare Q1 deck tomorrow', { type: 'custom', person: null, due: '2026-12-02', title: 'Prepare Q1 deck' }],
  ],
  de: [
    [
      'Dana morgen um 9 Uhr anrufen',
      { type: 'call', person: 'dana', due: '2026-12-02T09:00+01:00', title: 'Dana anrufen' },
    ],
    [
      'E-Mail an Jörg übermorgen dringend',
      { type: 'email', person: 'jorg', due: '2026-12-03', high: true, title: 'E-Mail an Jörg' },
    ],
    [
      'Mit Tom am Freitag um 14:30 telefonieren',
      { type: 'call', person: { text: 'Tom' }, due: '2026-12-04T14:30+01:00', title: 'Mit Tom telefonieren' },
    ],
    [
      'Angebot an Dana nächsten Montag schicken',
      { type: 'custom', person: 'dana', due: '2026-12-07', title: 'Angebot an Dana schicken' },
    ],
    ['in 3 Tagen Sarah anrufen', { type: 'call', person: 'sarah', due: '2026-12-04', title: 'Sarah anrufen' }],
    [
      'Rückruf bei Jörg heute 16 Uhr',
      { type: 'call', person: 'jorg', due: '2026-12-01T16:00+01:00', title: 'Rückruf bei Jörg' },
    ],
    ['Jörg mailen am 24. Dezember', { type: 'email', person: 'jorg', due: '2026-12-24', title: 'Jörg mailen' }],
    ['Dana morgen 9am anrufen', { type: 'call', person: 'dana', due: '2026-12-02T09:00+01:00' }],
    ['Vertrag prüfen bis Freitag', { type: 'custom', person: null, due: '2026-12-04', title: 'Vertrag prüfen' }],
    ['LinkedIn-Nachricht an Jan wichtig', { type: 'linkedin', person: 'jan', due: null, high: true }],
    [
      'Dana morgen anrufen um 9',
      { type: 'call', person: 'dana', due: '2026-12-02T09:00+01:00', title: 'Dana anrufen' },
    ],
  ],
  nl: [
    [
      'Dana morgen om 9 uur bellen',
      { type: 'call', person: 'dana', due: '2026-12-02T09:00+01:00', title: 'Dana bellen' },
    ],
    [
      'Jan bellen vrijdag om 14:30',
      { type: 'call', person: 'jan', due: '2026-12-04T14:30+01:00', title: 'Jan bellen' },
    ],
    [
      'Mail naar Sarah volgende week vrijdag',
      { type: 'email', person: 'sarah', due: '2026-12-11', title: 'Mail naar Sarah' },
    ],
    [
      'Offerte sturen aan Bram over 3 dagen dringend',
      { type: 'custom', person: { text: 'Bram' }, due: '2026-12-04', high: true },
    ],
    ['Bel Jörg vandaag om 16:00', { type: 'call', person: 'jorg', due: '2026-12-01T16:00+01:00', title: 'Bel Jörg' }],
    [
      'LinkedIn bericht aan Dana maandag',
      { type: 'linkedin', person: 'dana', due: '2026-12-07', title: 'LinkedIn bericht aan Dana' },
    ],
    ['e-mailen met Jan op 24 december', { type: 'email', person: 'jan', due: '2026-12-24', title: 'e-mailen met Jan' }],
    ['Dana terugbellen morgen 9am hoog', { type: 'call', person: 'dana', due: '2026-12-02T09:00+01:00', high: true }],
    [
      'Contract nakijken morgenochtend',
      { type: 'custom', person: null, due: '2026-12-02', title: 'Contract nakijken' },
    ],
    ['Dana bellen', { type: 'call', person: 'dana', due: null, title: 'Dana bellen' }],
  ],
  pt_BR: [
    [
      'Ligar para Dana amanhã às 9:00',
      { type: 'call', person: 'dana', due: '2026-12-02T09:00-03:00', title: 'Ligar para Dana' },
    ],
    ['Ligar pro Joao amanhã às 9', { type: 'call', person: 'joao', due: '2026-12-02T09:00-03:00' }],
    ['Mandar email para Sarah sexta-feira urgente', { type: 'email', person: 'sarah', due: '2026-12-04', high: true }],
    [
      'Reunião com Bruno hoje às 15:00',
      { type: 'custom', person: { text: 'Bruno' }, due: '2026-12-01T15:00-03:00', title: 'Reunião com Bruno' },
    ],
    [
      'LinkedIn para Dana na próxima segunda',
      { type: 'linkedin', person: 'dana', due: '2026-12-07', title: 'LinkedIn para Dana' },
    ],
    [
      'Enviar proposta para Jörg dia 24 de dezembro',
      { type: 'custom', person: 'jorg', due: '2026-12-24', title: 'Enviar proposta para Jörg' },
    ],
    ['ligar para Dana amanhã 9am alta', { type: 'call', person: 'dana', due: '2026-12-02T09:00-03:00', high: true }],
    [
      'email pro Bruno amanhã',
      { type: 'email', person: { text: 'Bruno' }, due: '2026-12-02', title: 'email pro Bruno' },
    ],
    ['Ligar para Dana sexta às 10:30', { type: 'call', person: 'dana', due: '2026-12-04T10:30-03:00' }],
    ['Telefonar para João depois de amanhã', { type: 'call', person: 'joao', due: null }],
    ['Ligar para Dana amanhã às 9h', { type: 'call', person: 'dana', due: '2026-12-02' }],
  ],
  sv: [
    ['Ring Dana imorgon kl. 9', { type: 'call', person: 'dana', due: '2026-12-02T09:00+01:00', title: 'Ring Dana' }],
    ['Mejla Åsa på fredag', { type: 'email', person: 'asa', due: '2026-12-04', title: 'Mejla Åsa' }],
    ['Ring Jörg idag kl 16:00 brådskande', { type: 'call', person: 'jorg', due: '2026-12-01T16:00+01:00', high: true }],
    [
      'Möte med Erik nästa måndag',
      { type: 'custom', person: { text: 'Erik' }, due: '2026-12-07', title: 'Möte med Erik' },
    ],
    ['LinkedIn till Sarah imorgon', { type: 'linkedin', person: 'sarah', due: '2026-12-02' }],
    [
      'Skicka offert till Dana 24 december',
      { type: 'custom', person: 'dana', due: '2026-12-24', title: 'Skicka offert till Dana' },
    ],
    ['Ring Jan fredag 14:30', { type: 'call', person: 'jan', due: '2026-12-04T14:30+01:00' }],
    ['ringa upp Dana imorgon 9am hög', { type: 'call', person: 'dana', due: '2026-12-02T09:00+01:00', high: true }],
    ['Ring asa imorgon klockan 10', { type: 'call', person: 'asa', due: '2026-12-02T10:00+01:00', title: 'Ring asa' }],
    ['Mejla Dana övermorgon', { type: 'email', person: 'dana', due: null }],
    ['Ring Dana i morgon', { type: 'call', person: 'dana', due: null }],
  ],
  zh_CN: [
    ['明天上午9点给Dana打电话', { type: 'call', person: 'dana', due: '2026-12-02T09:00+08:00', title: '给Dana打电话' }],
    [
      '给张伟打电话 明天下午3点 紧急',
      { type: 'call', person: 'zhang', due: '2026-12-02T15:00+08:00', high: true, title: '给张伟打电话' },
    ],
    ['后天给Sarah发邮件', { type: 'email', person: 'sarah', due: '2026-12-03', title: '给Sarah发邮件' }],
    ['下周一给Jörg打电话', { type: 'call', person: 'jorg', due: '2026-12-07' }],
    [
      '周五下午2点半和张伟开会',
      { type: 'custom', person: 'zhang', due: '2026-12-04T14:30+08:00', title: '和张伟开会' },
    ],
    ['12月24日给Dana发邮件', { type: 'email', person: 'dana', due: '2026-12-24' }],
    ['3天后联系王芳', { type: 'custom', person: null, due: '2026-12-04', title: '联系王芳' }],
    ['明天9am给Dana打电话 高', { type: 'call', person: 'dana', due: '2026-12-02T09:00+08:00', high: true }],
    [
      '今天下午5点领英联系Sarah',
      { type: 'linkedin', person: 'sarah', due: '2026-12-01T17:00+08:00', title: '领英联系Sarah' },
    ],
    ['打电话给王芳 明天', { type: 'call', person: { text: '王芳' }, due: '2026-12-02', title: '打电话给王芳' }],
    ['给张伟打电话', { type: 'call', person: 'zhang', due: null, title: '给张伟打电话' }],
  ],
};

function expectPhrase(locale: QuickAddLocale, text: string, expected: Expected) {
  const task = parse(text, locale);
  expect({ text, type: task.type, person: task.person, due: task.due, priority: task.priority }).toEqual({
    text,
    type: expected.type,
    person: person(expected.person),
    due: due(expected.due),
    priority: expected.high ? 'high' : 'normal',
  });
  if (expected.title !== undefined) expect(task.title).toBe(expected.title);
}

const LOCALES = Object.keys(PHRASES) as QuickAddLocale[];

describe.each(LOCALES)('quick add in %s', (locale) => {
  it.each(PHRASES[locale])('"%s"', (text, expected) => expectPhrase(locale, text, expected));
});

// chrono counts some days on the machine's clock; the rep's answers must not depend on it.
describe.each([
  ['Pacific/Pago_Pago', 11 * 60],
  ['Pacific/Kiritimati', -14 * 60],
])('on a machine in %s', (zone, offset) => {
  const machineZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (machineZone === undefined) delete process.env.TZ;
    else process.env.TZ = machineZone;
  });

  it.each(LOCALES)('reads every %s phrase the same', (locale) => {
    expect(new Date(Date.UTC(2026, 11, 1)).getTimezoneOffset()).toBe(offset);
    for (const [text, expected] of PHRASES[locale]) expectPhrase(locale, text, expected);
  });

  it('lands "tomorrow 9am" at 9:00 the day Berlin clocks go back', () => {
    const task = parse('Dana morgen um 9 Uhr anrufen', 'de', '2026-10-24T10:00+02:00');
    expect(task.due).toEqual(due('2026-10-25T09:00+01:00'));
  });
});

describe('what quick add cannot understand is kept and named', () => {
  it('keeps a date word chrono does not know in the title and names it', () => {
    const task = parse('Call Dana next blursday', 'en');
    expect(task.due).toBeNull();
    expect(task.title).toBe('Call Dana next blursday');
    expect(task.notes).toEqual([{ code: 'noDate', text: 'next blursday' }]);
  });

  it('keeps gibberish as the title, with no date, type or person', () => {
    const task = parse('zzz qwerty', 'en');
    expect(task).toMatchObject({ title: 'zzz qwerty', type: 'custom', person: null, due: null, priority: 'normal' });
    expect(task.notes).toEqual([{ code: 'noDate' }]);
  });

  it('does not take "amanhã" for tomorrow in "depois de amanhã"', () => {
    const task = parse('Telefonar para João depois de amanhã', 'pt_BR');
    expect(task.title).toBe('Telefonar para João depois de amanhã');
    expect(task.notes).toEqual([{ code: 'noDate', text: 'depois de amanhã' }]);
  });

  it('names a time it could not read beside a day it could', () => {
    const task = parse('Ligar para Dana amanhã às 9h', 'pt_BR');
    expect(task.due).toEqual({ kind: 'day', day: '2026-12-02' });
    expect(task.title).toBe('Ligar para Dana às 9h');
    expect(task.notes).toEqual([{ code: 'noTime', text: 'às 9h' }]);
  });

  it('names the Swedish day chrono matches but cannot date', () => {
    expect(parse('Mejla Dana övermorgon', 'sv').notes).toEqual([{ code: 'noDate', text: 'övermorgon' }]);
  });

  it('names a Chinese weekday that does not exist', () => {
    const task = parse('下周八给张伟打电话', 'zh_CN');
    expect(task.notes).toEqual([{ code: 'noDate', text: '下周八' }]);
    expect(task.title).toBe('下周八给张伟打电话');
  });

  it('takes a month alone for no due date', () => {
    const task = parse('Call April', 'en');
    expect(task.person).toEqual({ text: 'April' });
    expect(task.notes).toEqual([{ code: 'noDate', text: 'April' }]);
  });

  it('takes the first of two dates and names the second', () => {
    const task = parse('Call Dana tomorrow and Friday', 'en');
    expect(task.due).toEqual({ kind: 'day', day: '2026-12-02' });
    expect(task.title).toBe('Call Dana and Friday');
    expect(task.notes).toEqual([{ code: 'extraDate', text: 'Friday' }]);
  });

  it('does not read a bare "30 days" as "in 30 days"', () => {
    const task = parse('Email Bob the 30 days trial terms', 'en');
    expect(task.due).toBeNull();
    expect(task.title).toBe('Email Bob the 30 days trial terms');
  });

  it('does not find Friday ("fr") in German "früh"', () => {
    const task = parse('Dana morgen früh anrufen', 'de');
    expect(task.due).toEqual({ kind: 'day', day: '2026-12-02' });
    expect(task.notes).toEqual([]);
  });
});

describe('dates in the past', () => {
  it('keeps yesterday and flags it', () => {
    const task = parse('Call Dana yesterday', 'en');
    expect(task.due).toEqual({ kind: 'day', day: '2026-11-30' });
    expect(task.notes).toEqual([{ code: 'pastDate' }]);
  });

  it('keeps 9:00 today when it is already 10:00, flagged, not moved to tomorrow', () => {
    const task = parse('Call Dana today 9am', 'en');
    expect(task.due).toEqual(due('2026-12-01T09:00-08:00'));
    expect(task.notes).toEqual([{ code: 'pastDate' }]);
  });

  it('does not flag later today', () => {
    const task = parse('Call Dana today 11am', 'en');
    expect(task.due).toEqual(due('2026-12-01T11:00-08:00'));
    expect(task.notes).toEqual([]);
  });

  it('does not flag today without a time', () => {
    expect(parse('Dana heute anrufen', 'de').notes).toEqual([]);
  });
});

describe("the rep's clock", () => {
  it('gives a due day without a time when no time is typed', () => {
    expect(parse('Call Dana tomorrow', 'en').due).toEqual({ kind: 'day', day: '2026-12-02' });
    expect(parse('Call Dana tomorrow 9am', 'en').due?.kind).toBe('dateTime');
  });

  it('reads "tomorrow 9am" in the zone the rep works in', () => {
    const now = '2026-12-01T09:00Z';
    const at = (zone: string) => parse('Call Dana tomorrow 9am', 'en', now, zone).due;
    expect(at('Europe/Berlin')).toEqual(due('2026-12-02T09:00+01:00'));
    expect(at('America/Los_Angeles')).toEqual(due('2026-12-02T09:00-08:00'));
    expect(at('Asia/Shanghai')).toEqual(due('2026-12-02T09:00+08:00'));
  });

  it('knows that tomorrow in Shanghai can be the day after tomorrow in Los Angeles', () => {
    // 20:00 on 1 December in Los Angeles is already noon on 2 December in Shanghai.
    const now = '2026-12-02T04:00Z';
    expect(parse('Call Dana tomorrow', 'en', now, 'America/Los_Angeles').due).toEqual({
      kind: 'day',
      day: '2026-12-02',
    });
    expect(parse('Call Dana tomorrow', 'en', now, 'Asia/Shanghai').due).toEqual({ kind: 'day', day: '2026-12-03' });
  });

  it.each([
    ['Europe/Berlin, clocks go back', '2026-10-24T10:00+02:00', 'Europe/Berlin', '2026-10-25T09:00+01:00'],
    ['Los Angeles, clocks go back', '2026-10-31T10:00-07:00', 'America/Los_Angeles', '2026-11-01T09:00-08:00'],
    ['Los Angeles, clocks go forward', '2027-03-13T10:00-08:00', 'America/Los_Angeles', '2027-03-14T09:00-07:00'],
  ])('lands "tomorrow 9am" at 9:00 the day clocks change (%s)', (_, now, zone, expected) => {
    expect(parse('Call Dana tomorrow 9am', 'en', now, zone).due).toEqual(due(expected));
  });

  it('counts "in 2 hours" across the change as two hours of real time', () => {
    // 00:30 PDT + 2 h = 01:30 PST, the second 1:30 of that night.
    const task = parse('Call Dana in 2 hours', 'en', '2026-11-01T00:30-07:00', 'America/Los_Angeles');
    expect(task.due).toEqual(due('2026-11-01T01:30-08:00'));
  });
});

describe('the person', () => {
  const danas: KnownPerson[] = [
    { id: 'dana-w', name: 'Dana Whitfield', email: 'dana@northwind.example' },
    { id: 'dana-s', name: 'Dana Scully', email: 'scully@fbi.example' },
  ];
  const withDanas = (text: string) =>
    parseQuickAdd(text, {
      locale: 'en',
      now: Date.parse('2026-12-01T10:00-08:00'),
      timeZone: 'America/Los_Angeles',
      people: danas,
    });

  it('keeps a first name two people share as text and names both', () => {
    const task = withDanas('Call Dana tomorrow');
    expect(task.person).toEqual({ text: 'Dana' });
    expect(task.notes).toEqual([{ code: 'ambiguousPerson', names: ['Dana Whitfield', 'Dana Scully'] }]);
  });

  it('prefers the full name over a shared first name', () => {
    const task = withDanas('Call Dana Scully tomorrow');
    expect(task.person).toEqual({ id: 'dana-s', name: 'Dana Scully' });
    expect(task.notes).toEqual([]);
    expect(task.spans.person).toEqual([5, 16]);
  });

  it("matches the rep's people without case or accents", () => {
    expect(parse('call JORG MULLER tomorrow', 'en').person).toEqual({ id: 'jorg', name: 'Jörg Müller' });
    expect(parse('Ring asa imorgon', 'sv').person).toEqual({ id: 'asa', name: 'Åsa Lind' });
  });

  it('keeps a name it does not know as text only after a word like "with"', () => {
    expect(parse('Lunch with Priya tomorrow', 'en').person).toEqual({ text: 'Priya' });
    const task = parse('Tom am Freitag anrufen', 'de');
    expect(task.person).toBeNull();
    expect(task.title).toBe('Tom anrufen');
  });

  it('does not take a lower-case word after "with" for a name', () => {
    expect(parse('Lunch with the team tomorrow', 'en').person).toBeNull();
  });

  it('does not take the 高 of a Chinese name for High priority', () => {
    const task = parse('给高伟打电话 明天', 'zh_CN');
    expect(task.priority).toBe('normal');
    expect(task.person).toEqual({ text: '高伟' });
  });

  it('keeps a known "Jan" a person, not January', () => {
    const task = parse('Call Jan', 'en');
    expect(task.person).toEqual({ id: 'jan', name: 'Jan de Vries' });
    expect(task.due).toBeNull();
  });
});

describe('the title', () => {
  it.each([
    ['Tom om vrijdag', 'nl', 'Tom'],
    ['Email Dana by Friday', 'en', 'Email Dana'],
    ['At the office: call Dana tomorrow', 'en', 'At the office: call Dana'],
    ['Call Dana, tomorrow, about pricing', 'en', 'Call Dana, about pricing'],
    ['在家给Dana打电话 明天', 'zh_CN', '在家给Dana打电话'],
    ['tomorrow 9am', 'en', 'tomorrow 9am'],
  ] as const)('"%s" (%s) is titled "%s"', (text, locale, title) => {
    expect(parse(text, locale).title).toBe(title);
  });
});

describe('the preview', () => {
  it('shows where each part of the phrase was read', () => {
    const task = parse('Call Dana tomorrow 9am high', 'en');
    const text = 'Call Dana tomorrow 9am high';
    const read = (span: readonly [number, number] | undefined) => span && text.slice(...span);
    expect({
      type: read(task.spans.type),
      person: read(task.spans.person),
      date: read(task.spans.date),
      priority: read(task.spans.priority),
    }).toEqual({ type: 'Call', person: 'Dana', date: 'tomorrow 9am', priority: 'high' });
    expect(task.typeFrom).toBe('Call');
  });

  it('highlights Chinese parts by the characters typed', () => {
    const text = '明天上午9点给Dana打电话';
    const task = parse(text, 'zh_CN');
    expect(task.spans.date && text.slice(...task.spans.date)).toBe('明天上午9点');
    expect(task.spans.type && text.slice(...task.spans.type)).toBe('打电话');
  });
});
