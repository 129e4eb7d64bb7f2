import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reasonText } from '../../components/emails/reason-text';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import { readEmailDetail } from '../emails/email-detail';
import { fakeGetMessage } from '../i18n/chrome-i18n-fake';
import { applyServerEvent } from './apply-event';
import { type ServerEvent, serverEventSchema } from './server-event';

let db: CommandCenterDb;
beforeEach(() => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const event = (overrides: Partial<ServerEvent>): ServerEvent => ({
  cursor: '1',
  messageId: 'e1',
  type: 'view',
  at: '2026-11-25T10:00:00.000Z',
  classification: 'human',
  reason: 'browser user agent',
  ...overrides,
});

describe('applying server events', () => {
  it('counts a human view once, however often the same event arrives', async () => {
    await db.emails.put(testEmail('e1', 'delivered'));
    expect(await applyServerEvent(db, event({}))).toBe(true);
    expect(await applyServerEvent(db, event({}))).toBe(false);
    const email = await db.emails.get('e1');
    expect(email?.engagement).toMatchObject({
      views: 1,
      machineViews: 0,
      lastActivityAt: Date.parse('2026-11-25T10:00:00.000Z'),
    });
    expect(await db.events.count()).toBe(1);
  });

  it('keeps scanner clicks apart from people', async () => {
    await db.emails.put(testEmail('e1', 'delivered'));
    await applyServerEvent(
      db,
      event({
        cursor: '2',
        type: 'click',
        classification: 'scanner',
        reason: 'hit 3 s after send',
        url: 'https://x.example/',
      }),
    );
    expect((await db.emails.get('e1'))?.engagement).toMatchObject({ clicks: 0, machineClicks: 1 });
  });

  it('records nothing further for an archived email', async () => {
    await db.emails.put(testEmail('e1', 'archived', { tracking: false }));
    expect(await applyServerEvent(db, event({}))).toBe(false);
    expect(await db.events.count()).toBe(0);
  });

  it('turns a bounce into Bounced and a complaint into Spam, with the reason', async () => {
    await db.emails.bulkPut([testEmail('e1', 'delivered'), testEmail('e2', 'archived')]);
    await applyServerEvent(
      db,
      event({ cursor: '3', type: 'bounce', classification: null, reason: 'hard bounce', detail: '5.1.1 user unknown' }),
    );
    await applyServerEvent(
      db,
      event({ cursor: '4', messageId: 'e2', type: 'complaint', classification: null, reason: 'abuse report' }),
    );
    expect(await db.emails.get('e1')).toMatchObject({
      status: 'bounced',
      failureReason: 'hard bounce — 5.1.1 user unknown',
    });
    expect(await db.emails.get('e2')).toMatchObject({ status: 'spam' });
  });

  it('ignores events for emails it does not know', async () => {
    expect(await applyServerEvent(db, event({ messageId: 'someone-else' }))).toBe(false);
  });
});

const german = { getMessage: fakeGetMessage('de'), locale: 'de' };
/** What the feed sends, checked by the schema as event-sync.ts checks it. */
const fromFeed = (raw: Record<string, unknown>): ServerEvent => v.parse(serverEventSchema, { ...event({}), ...raw });

describe('reason codes from the server', () => {
  it('a view keeps its English text and stores the code and parameters beside it', async () => {
    await db.emails.put(testEmail('e1', 'delivered'));
    await applyServerEvent(
      db,
      fromFeed({
        cursor: '10',
        classification: 'scanner',
        reason: 'scanner: 12 s after send (window 30 s)',
        reasonCode: 'scanner.tooSoonAfterSend',
        reasonParams: { seconds: 12, windowSeconds: 30 },
      }),
    );
    expect(await db.events.toArray()).toMatchObject([
      {
        reason: 'scanner: 12 s after send (window 30 s)',
        reasonCode: 'scanner.tooSoonAfterSend',
        reasonParams: { seconds: 12, windowSeconds: 30 },
      },
    ]);
    const { events } = await readEmailDetail(db, 'e1');
    expect(reasonText(events[0]!.reason, german)).toBe(
      '12 s nach dem Versand, innerhalb des Scanner-Fensters von 30 s',
    );
  });

  it('a bounce puts its code in the history and the failure, with the recipient detail kept apart', async () => {
    await db.emails.put(testEmail('e1', 'delivered'));
    await applyServerEvent(
      db,
      fromFeed({
        cursor: '11',
        type: 'bounce',
        classification: null,
        reason: 'bounce: hard bounce (5.1.1)',
        reasonCode: 'bounce.hard',
        reasonParams: { status: '5.1.1' },
        detail: 'bob@example.com: 5.1.1 user unknown',
      }),
    );
    const email = await db.emails.get('e1');
    expect(email).toMatchObject({
      status: 'bounced',
      failureReason: 'bounce: hard bounce (5.1.1) — bob@example.com: 5.1.1 user unknown',
      failureCode: 'bounce.hard',
      failureParams: { status: '5.1.1' },
      failureDetail: 'bob@example.com: 5.1.1 user unknown',
    });
    expect(email?.statusHistory.at(-1)).toMatchObject({
      status: 'bounced',
      reasonCode: 'bounce.hard',
      reason: 'bounce: hard bounce (5.1.1) — bob@example.com: 5.1.1 user unknown',
    });
    const { email: detail } = await readEmailDetail(db, 'e1');
    if (detail?.kind !== 'email') throw new Error('expected the email');
    expect(reasonText(detail.failure!, german)).toBe('Hardbounce (5.1.1) — bob@example.com: 5.1.1 user unknown');
    expect(reasonText(detail.statusHistory.at(-1)!.reason, german)).toBe(
      'Hardbounce (5.1.1) — bob@example.com: 5.1.1 user unknown',
    );
  });

  it.each([
    ['starts with a capital', 'Scanner.tooSoon'],
    ['has an empty segment', 'scanner..tooSoon'],
    ['is longer than 64 characters', `scanner.${'x'.repeat(60)}`],
    ['is not a string', 42],
  ])('a code that %s is dropped; the event is kept and shows its English text', async (_story, reasonCode) => {
    await db.emails.put(testEmail('e1', 'delivered'));
    const parsed = fromFeed({ cursor: '12', reason: 'human: Outlook', reasonCode });
    expect(parsed.reasonCode).toBeUndefined();
    expect(await applyServerEvent(db, parsed)).toBe(true);
    const stored = (await db.events.toArray())[0];
    expect(stored).toMatchObject({ reason: 'human: Outlook' });
    expect(stored?.reasonCode).toBeUndefined();
    expect((await db.emails.get('e1'))?.engagement.views).toBe(1);
  });

  it.each([
    ['more than 10 parameters', Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, i]))],
    ['a nested object', { status: { code: '5.1.1' } }],
    ['a string over 200 characters', { status: 'x'.repeat(201) }],
    ['a list instead of an object', ['5.1.1']],
  ])(
    'parameters with %s are dropped; the code stays, so the rep reads the English text',
    async (_story, reasonParams) => {
      await db.emails.put(testEmail('e1', 'delivered'));
      const parsed = fromFeed({
        cursor: '13',
        type: 'bounce',
        classification: null,
        reason: 'bounce: hard bounce (5.1.1)',
        reasonCode: 'bounce.hard',
        reasonParams,
      });
      expect(parsed.reasonParams).toBeUndefined();
      await applyServerEvent(db, parsed);
      const { email } = await readEmailDetail(db, 'e1');
      if (email?.kind !== 'email') throw new Error('expected the email');
      expect(email.status).toBe('bounced');
      expect(reasonText(email.failure!, german)).toBe('bounce: hard bounce (5.1.1)');
    },
  );

  it('a later failure without a code does not keep the earlier failure’s code', async () => {
    await db.emails.put(
      testEmail('e1', 'scheduled', {
        failureReason: 'bounce: hard bounce (5.1.1)',
        failureCode: 'bounce.hard',
        failureParams: { status: '5.1.1' },
      }),
    );
    await applyServerEvent(
      db,
      fromFeed({ cursor: '14', type: 'failed', classification: null, reason: 'failed: relay gone' }),
    );
    const email = await db.emails.get('e1');
    expect(email).toMatchObject({ status: 'failed', failureReason: 'failed: relay gone' });
    expect(email?.failureCode).toBeUndefined();
    expect(email?.failureParams).toBeUndefined();
  });
});
