import { afterEach, describe, expect, it } from 'vitest';
import { CommandCenterDb } from '../db/database';
import type { EmailRecord } from '../db/records';
import { changeStatus } from './lifecycle';
import { EMAIL_STATUSES, type EmailStatus } from './status';
import { isLegalTransition, statusAfter } from './transitions';

// Every pair, written out, so a change to the table shows up here as a deliberate edit.
const LEGAL = new Set([
  'draft→scheduled',
  'scheduled→draft',
  'scheduled→sending',
  'scheduled→failed',
  'sending→delivered',
  'sending→failed',
  'sending→bounced',
  'sending→draft', // Undo Send in the rep's own webmail (webmail-sends.ts)
  'delivered→archived',
  'delivered→bounced',
  'delivered→failed', // the relay gave up after its retries (issue #14)
  'delivered→spam',
  'archived→delivered',
  'archived→spam',
  'failed→scheduled',
  'bounced→scheduled',
  'spam→scheduled',
]);
const PAIRS = EMAIL_STATUSES.flatMap((from) => EMAIL_STATUSES.map((to) => [from, to] as const));

describe('transition table', () => {
  it.each(PAIRS)('%s → %s', (from, to) => {
    expect(isLegalTransition(from, to)).toBe(LEGAL.has(`${from}→${to}`));
  });
});

let db: CommandCenterDb;
afterEach(async () => db?.delete());

function email(status: EmailStatus, extra: Partial<EmailRecord> = {}): EmailRecord {
  return {
    id: `e-${status}`,
    status,
    subject: 'Hello',
    to: [{ address: 'dana@example.com' }],
    personIds: [],
    bulk: false,
    tracking: true,
    createdAt: 1_000,
    statusAt: 1_000,
    folderDate: 1_000,
    statusHistory: [],
    engagement: { views: 0, clicks: 0, replied: false, machineViews: 0, machineClicks: 0 },
    ...extra,
  };
}

describe('changeStatus', () => {
  it.each(PAIRS)('%s → %s is applied only when legal, in one step with time and reason', async (from, to) => {
    db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
    await db.emails.put(email(from, from === 'scheduled' ? { scheduledAt: 5_000 } : {}));
    const attempt = changeStatus(db, `e-${from}`, { to, reason: { text: 'test' }, now: 9_000 });
    if (LEGAL.has(`${from}→${to}`)) {
      const changed = await attempt;
      expect(changed).toMatchObject({ status: to, statusAt: 9_000 });
      expect(changed.statusHistory.at(-1)).toEqual({ status: to, at: 9_000, reason: 'test' });
    } else {
      await expect(attempt).rejects.toThrow(/cannot go from/);
      expect((await db.emails.get(`e-${from}`))?.status).toBe(from);
    }
  });

  it('never turns a bulk send into a draft', async () => {
    db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
    await db.emails.put(email('scheduled', { bulk: true }));
    await expect(changeStatus(db, 'e-scheduled', { to: 'draft', reason: { text: 'unschedule' } })).rejects.toThrow(
      /never drafts/,
    );
    expect((await db.emails.get('e-scheduled'))?.status).toBe('scheduled');
  });

  it('refuses an action on an email that changed meanwhile, and changes nothing', async () => {
    db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
    await db.emails.put(email('delivered'));
    await expect(
      changeStatus(db, 'e-delivered', { to: 'scheduled', expected: 'scheduled', reason: { text: 'send now' } }),
    ).rejects.toThrow(/changed meanwhile/);
    expect(await db.emails.get('e-delivered')).toEqual(email('delivered'));
  });

  it('refuses an email with an unknown status (written by a newer version)', async () => {
    db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
    await db.emails.put({ ...email('delivered'), status: 'quarantined' as EmailStatus });
    await expect(changeStatus(db, 'e-delivered', { to: 'archived', reason: { text: 'archive' } })).rejects.toThrow(
      /unknown status/,
    );
  });

  it('keeps the folder date in step with the new status', async () => {
    db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
    await db.emails.put(email('failed', { failedAt: 2_000, folderDate: 2_000 }));
    const retried = await changeStatus(db, 'e-failed', {
      to: 'scheduled',
      reason: { text: 'retry' },
      patch: { scheduledAt: 7_000 },
      now: 7_000,
    });
    expect(retried.folderDate).toBe(7_000);
  });
});

describe('what a delivery outcome does, read from the one table', () => {
  it.each([
    ['sending', ['rejected-at-send', 'bounced'], 'bounced'],
    ['delivered', ['rejected-at-send', 'bounced'], 'bounced'],
    ['archived', ['complaint'], 'spam'],
    ['sending', ['sent'], 'delivered'],
    // A late "delivered" report never unarchives what the rep archived.
    ['archived', ['sent'], undefined],
    ['scheduled', ['send-failed'], 'failed'],
    ['draft', ['send-failed'], undefined],
  ] as const)('%s + %j → %s', (from, causes, to) => {
    expect(statusAfter(from, causes)).toBe(to);
  });
});
