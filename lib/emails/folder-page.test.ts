import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeTestEmails, testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import type { EmailRecord } from '../db/records';
import { readFolderPage } from './folder-page';
import { LOCAL_REASONS } from './local-reasons';
import { findEmailsNeedingAttention, scanForDamagedEmails } from './needs-attention';
import { recoverStuckSends, STUCK_AFTER_MS } from './recover-stuck-sends';
import type { EmailStatus } from './status';

let db: CommandCenterDb;
beforeEach(() => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

describe('a folder page', () => {
  it('lists the folder newest first by its natural date, with campaign names, in windows', async () => {
    await db.campaigns.put({ id: 'c1', name: 'Q4 renewal push', createdAt: 0 });
    await storeTestEmails(db, [
      testEmail('old', 'delivered', { sentAt: 100, folderDate: 100 }),
      testEmail('new', 'delivered', { sentAt: 300, folderDate: 300, campaignId: 'c1' }),
      testEmail('mid', 'delivered', { sentAt: 200, folderDate: 200 }),
      testEmail('other', 'draft'),
    ]);
    const page = await readFolderPage(db, { status: 'delivered', offset: 0, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => row.id)).toEqual(['new', 'mid']);
    expect(page.rows[0]).toMatchObject({ kind: 'email', campaignName: 'Q4 renewal push' });
    const next = await readFolderPage(db, { status: 'delivered', offset: 2, limit: 2 });
    expect(next.rows.map((row) => row.id)).toEqual(['old']);
  });

  it('filters by person or subject, case-insensitively, and counts the matches', async () => {
    await storeTestEmails(db, [
      testEmail('a', 'delivered', {
        to: [{ address: 'dana@northwind.example', name: 'Dana Whitfield' }],
        folderDate: 3,
      }),
      testEmail('b', 'delivered', { subject: 'Pricing for DANA', folderDate: 2 }),
      testEmail('c', 'delivered', { folderDate: 1 }),
    ]);
    const page = await readFolderPage(db, { status: 'delivered', offset: 0, limit: 10, filter: ' dana ' });
    expect(page.total).toBe(2);
    expect(page.rows.map((row) => row.id)).toEqual(['a', 'b']);
  });

  it('shows a damaged row as such instead of breaking the list', async () => {
    await storeTestEmails(db, [
      testEmail('ok', 'delivered', { folderDate: 2 }),
      { ...testEmail('broken', 'delivered', { folderDate: 1 }), to: undefined } as unknown as EmailRecord,
    ]);
    const page = await readFolderPage(db, { status: 'delivered', offset: 0, limit: 10 });
    expect(page.rows).toEqual([
      expect.objectContaining({ kind: 'email', id: 'ok' }),
      { kind: 'damaged', id: 'broken', problem: 'its recipients are missing or damaged' },
    ]);
  });
});

describe('needs attention', () => {
  it('finds emails with an unknown status or no dates, which no folder can show', async () => {
    await storeTestEmails(db, [
      testEmail('fine', 'delivered'),
      testEmail('future', 'quarantined' as EmailStatus),
      { ...testEmail('undated', 'scheduled'), folderDate: undefined } as unknown as EmailRecord,
      { ...testEmail('nostatus', 'draft'), status: undefined } as unknown as EmailRecord,
    ]);
    // The unknown status shows at once; the rows without dates or status after the periodic scan.
    expect((await findEmailsNeedingAttention(db)).map((row) => row.id)).toEqual(['future']);
    expect(await scanForDamagedEmails(db)).toBe(2);
    const rows = await findEmailsNeedingAttention(db);
    expect(rows.map((row) => row.id).sort()).toEqual(['future', 'nostatus', 'undated']);
    expect(rows.find((row) => row.id === 'future')?.problem).toBe('unknown status "quarantined"');
  });

  it('is empty when every email is well-formed', async () => {
    await storeTestEmails(db, [testEmail('a', 'delivered'), testEmail('b', 'spam')]);
    expect(await scanForDamagedEmails(db)).toBe(0);
    expect(await findEmailsNeedingAttention(db)).toEqual([]);
  });
});

describe('stuck sends', () => {
  it('moves an email left in In Progress to Failed with the reason, and leaves fresh ones alone', async () => {
    const now = 10_000_000;
    await storeTestEmails(db, [
      testEmail('stuck', 'sending', { statusAt: now - STUCK_AFTER_MS - 1 }),
      testEmail('fresh', 'sending', { statusAt: now - 2_000 }),
    ]);
    expect(await recoverStuckSends(db, now)).toEqual(['stuck']);
    expect(await db.emails.get('stuck')).toMatchObject({
      status: 'failed',
      failureReason: LOCAL_REASONS.interrupted.text,
      failureCode: 'send.interrupted',
      failedAt: now,
    });
    expect((await db.emails.get('fresh'))?.status).toBe('sending');
  });
});
