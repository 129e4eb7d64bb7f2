import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reasonText, warningRowText } from '../../components/emails/reason-text';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import { ACTIONS_BY_STATUS } from '../emails/actions-by-status';
import { readEmailDetail } from '../emails/email-detail';
import { readFolderCounts, recountFolders } from '../emails/folder-counters';
import { fakeGetMessage } from '../i18n/chrome-i18n-fake';
import { applyServerEvent } from './apply-event';
import { type ServerEvent, serverEventSchema } from './server-event';

// Issue #14: a soft bounce or a delay warns and keeps the status; a hard bounce or a final
// failure moves the email. Events as the feed sends them, old servers' codes and new ones.

let db: CommandCenterDb;
beforeEach(async () => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
  await db.emails.put(testEmail('e1', 'delivered', { sentAt: 1_000 }));
  await recountFolders(db);
});
afterEach(() => db.delete());

const german = { getMessage: fakeGetMessage('de'), locale: 'de' };
const english = { getMessage: fakeGetMessage('en'), locale: 'en' };
let cursor = 0;
const fromFeed = (raw: Partial<Record<keyof ServerEvent, unknown>>): ServerEvent =>
  v.parse(serverEventSchema, {
    cursor: String(++cursor),
    messageId: 'e1',
    at: '2026-11-25T10:42:00.000Z',
    classification: null,
    detail: 'bob@example.com: 5.2.2 mailbox full',
    ...raw,
  });
const softBounce = (at = '2026-11-25T10:42:00.000Z') =>
  fromFeed({
    type: 'deferred',
    at,
    reason: 'deferred: soft bounce, mailbox full (5.2.2)',
    reasonCode: 'deferred.softBounce',
    reasonParams: { reason: 'mailboxFull', status: '5.2.2' },
  });
const oldSoftBounce = () =>
  fromFeed({
    type: 'bounce',
    reason: 'bounce: soft bounce (5.2.2)',
    reasonCode: 'bounce.soft',
    reasonParams: { status: '5.2.2' },
  });
const hardBounce = () =>
  fromFeed({
    type: 'bounce',
    at: '2026-11-25T11:00:00.000Z',
    reason: 'bounce: hard bounce, user unknown (5.1.1)',
    reasonCode: 'bounce.hardReason',
    reasonParams: { reason: 'userUnknown', status: '5.1.1' },
    detail: 'bob@example.com: 5.1.1 user unknown',
  });

async function row() {
  const { email, events } = await readEmailDetail(db, 'e1');
  if (email?.kind !== 'email') throw new Error('expected the email');
  return { email, events };
}

describe('a soft bounce or a delay from the server', () => {
  it.each([
    ['a soft bounce (new server)', softBounce],
    ['a soft bounce (server before #14)', oldSoftBounce],
    [
      'a delay',
      () =>
        fromFeed({
          type: 'deferred',
          reason: 'deferred: delivery delayed, mailbox full (4.2.2)',
          reasonCode: 'deferred.delayedReason',
          reasonParams: { reason: 'mailboxFull', status: '4.2.2' },
        }),
    ],
    [
      'a delay (server before #14)',
      () =>
        fromFeed({
          type: 'deferred',
          reason: 'deferred: delivery delayed (4.4.7)',
          reasonCode: 'deferred.dsn',
          reasonParams: { status: '4.4.7' },
        }),
    ],
  ])('%s keeps the email in Delivered, with a warning on its row and in its timeline', async (_, report) => {
    expect(await applyServerEvent(db, report())).toBe(true);
    const { email, events } = await row();
    expect(email.status).toBe('delivered');
    expect(email.failure).toBeUndefined();
    expect(email.warning?.at).toBe(Date.parse('2026-11-25T10:42:00.000Z'));
    expect(email.statusHistory).toEqual([]);
    expect(events.map((event) => event.type)).toEqual(['warning']);
    expect((await readFolderCounts(db)).delivered).toBe(1);
    expect((await readFolderCounts(db)).bounced).toBe(0);
  });

  it('the row says the reason and the time in the rep’s language', async () => {
    await applyServerEvent(db, softBounce());
    const { email } = await row();
    expect(warningRowText(email.warning!.reason, '10:42', english)).toBe('mailbox full, 10:42; the relay will retry');
    expect(warningRowText(email.warning!.reason, '10:42', german)).toBe(
      'Postfach voll, 10:42; das Relay versucht es erneut',
    );
    expect(reasonText(email.warning!.reason, english)).toBe(
      'Mailbox full (5.2.2); the relay will retry — bob@example.com: 5.2.2 mailbox full',
    );
  });

  it('an older server’s soft bounce says its whole reason on the row', async () => {
    await applyServerEvent(db, oldSoftBounce());
    const { email } = await row();
    expect(warningRowText(email.warning!.reason, '10:42', english)).toBe(
      'Soft bounce (5.2.2), 10:42; the relay will retry',
    );
  });

  it('a later delivery report clears the warning; an earlier one pulled late does not', async () => {
    await applyServerEvent(db, softBounce());
    await applyServerEvent(db, fromFeed({ type: 'delivered', at: '2026-11-25T09:00:00.000Z', reason: 'delivered' }));
    expect((await row()).email.warning).toBeDefined();
    await applyServerEvent(db, fromFeed({ type: 'delivered', at: '2026-11-25T12:00:00.000Z', reason: 'delivered' }));
    const { email } = await row();
    expect(email.warning).toBeUndefined();
    expect(email.status).toBe('delivered');
  });

  it('a newer warning replaces an older one, never the other way round', async () => {
    await applyServerEvent(db, softBounce('2026-11-25T12:00:00.000Z'));
    await applyServerEvent(db, softBounce('2026-11-25T10:00:00.000Z'));
    expect((await row()).email.warning?.at).toBe(Date.parse('2026-11-25T12:00:00.000Z'));
  });
});

describe('a final report after a warning', () => {
  it('a hard bounce moves the email to Bounced and the warning gives way to its reason', async () => {
    await applyServerEvent(db, softBounce());
    await applyServerEvent(db, hardBounce());
    const { email, events } = await row();
    expect(email.status).toBe('bounced');
    expect(email.warning).toBeUndefined();
    expect(reasonText(email.failure!, german)).toBe(
      'Hardbounce: Empfänger unbekannt (5.1.1) — bob@example.com: 5.1.1 user unknown',
    );
    expect(events.map((event) => event.type)).toEqual(['warning', 'bounce']);
    expect(await readFolderCounts(db)).toMatchObject({ delivered: 0, bounced: 1 });
  });

  it('an older server’s hard bounce still moves it to Bounced', async () => {
    await applyServerEvent(
      db,
      fromFeed({
        type: 'bounce',
        reason: 'bounce: hard bounce (5.1.1)',
        reasonCode: 'bounce.hard',
        reasonParams: { status: '5.1.1' },
      }),
    );
    expect((await row()).email.status).toBe('bounced');
  });

  it('a blocked report moves it to Bounced', async () => {
    await applyServerEvent(
      db,
      fromFeed({
        type: 'bounce',
        reason: 'bounce: blocked, policy (5.7.1)',
        reasonCode: 'bounce.blockedReason',
        reasonParams: { reason: 'policy', status: '5.7.1' },
      }),
    );
    expect((await row()).email.status).toBe('bounced');
  });

  it('the relay giving up after its retries moves a Delivered email to Failed, where Retry is offered', async () => {
    await applyServerEvent(db, softBounce());
    await applyServerEvent(
      db,
      fromFeed({
        type: 'failed',
        at: '2026-11-28T10:42:00.000Z',
        reason: 'failed: expired after retries, network (4.4.7)',
        reasonCode: 'failed.expiredReport',
        reasonParams: { reason: 'network', status: '4.4.7' },
        detail: 'bob@example.com: 4.4.7 connection timed out',
      }),
    );
    const { email } = await row();
    expect(email.status).toBe('failed');
    expect(email.warning).toBeUndefined();
    expect(reasonText(email.failure!, english)).toBe(
      'Gave up after the relay’s retries: network trouble (4.4.7) — bob@example.com: 4.4.7 connection timed out',
    );
    expect(ACTIONS_BY_STATUS.failed).toContain('retry');
  });

  it('a warning on an email that already bounced stays off its row (the failure says it)', async () => {
    await applyServerEvent(db, hardBounce());
    await applyServerEvent(db, softBounce('2026-11-25T12:00:00.000Z'));
    const { email, events } = await row();
    expect(email.status).toBe('bounced');
    expect(email.warning).toBeUndefined();
    expect(events.map((event) => event.type)).toEqual(['bounce', 'warning']);
  });
});
