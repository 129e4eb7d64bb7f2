import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandCenterDb } from '../db/database';
import { testEmail } from '../emails/test-emails';
import { applyServerEvent, type ServerEvent } from './apply-event';

let db: CommandCenterDb;
beforeEach(() => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const event = (overrides: Partial<ServerEvent>): ServerEvent => ({
  cursor: '1', messageId: 'e1', type: 'view', at: '2026-11-25T10:00:00.000Z', classification: 'human', reason: 'browser user agent', ...overrides,
});

describe('applying server events', () => {
  it('counts a human view once, however often the same event arrives', async () => {
    await db.emails.put(testEmail('e1', 'delivered'));
    expect(await applyServerEvent(db, event({}))).toBe(true);
    expect(await applyServerEvent(db, event({}))).toBe(false);
    const email = await db.emails.get('e1');
    expect(email?.engagement).toMatchObject({ views: 1, machineViews: 0, lastActivityAt: Date.parse('2026-11-25T10:00:00.000Z') });
    expect(await db.events.count()).toBe(1);
  });

  it('keeps scanner clicks apart from people', async () => {
    await db.emails.put(testEmail('e1', 'delivered'));
    await applyServerEvent(db, event({ cursor: '2', type: 'click', classification: 'scanner', reason: 'hit 3 s after send', url: 'https://x.example/' }));
    expect((await db.emails.get('e1'))?.engagement).toMatchObject({ clicks: 0, machineClicks: 1 });
  });

  it('records nothing further for an archived email', async () => {
    await db.emails.put(testEmail('e1', 'archived', { tracking: false }));
    expect(await applyServerEvent(db, event({}))).toBe(false);
    expect(await db.events.count()).toBe(0);
  });

  it('turns a bounce into Bounced and a complaint into Spam, with the reason', async () => {
    await db.emails.bulkPut([testEmail('e1', 'delivered'), testEmail('e2', 'archived')]);
    await applyServerEvent(db, event({ cursor: '3', type: 'bounce', classification: null, reason: 'hard bounce', detail: '5.1.1 user unknown' }));
    await applyServerEvent(db, event({ cursor: '4', messageId: 'e2', type: 'complaint', classification: null, reason: 'abuse report' }));
    expect(await db.emails.get('e1')).toMatchObject({ status: 'bounced', failureReason: 'hard bounce — 5.1.1 user unknown' });
    expect(await db.emails.get('e2')).toMatchObject({ status: 'spam' });
  });

  it('ignores events for emails it does not know', async () => {
    expect(await applyServerEvent(db, event({ messageId: 'someone-else' }))).toBe(false);
  });
});
