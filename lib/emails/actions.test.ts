import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import type { EmailRecord } from '../db/records';
import {
  archiveEmails,
  deleteEmails,
  rescheduleEmails,
  restoreEmails,
  retryEmails,
  sendEmailsNow,
  unarchiveEmails,
} from './actions';
import { saveDraft } from './drafts';
import type { EmailStatus } from './status';

let db: CommandCenterDb;
beforeEach(() => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const put = (id: string, status: EmailStatus, extra: Partial<EmailRecord> = {}) =>
  db.emails.put(testEmail(id, status, { subject: id, to: [{ address: `${id}@example.com` }], ...extra }));

describe('quick actions', () => {
  it('archive turns tracking off and queues the server update; unarchive turns it back on', async () => {
    await put('a', 'delivered');
    expect(await archiveEmails(db, ['a'])).toEqual({ done: ['a'], failed: [] });
    expect(await db.emails.get('a')).toMatchObject({ status: 'archived', tracking: false });
    expect((await db.jobs.toArray()).map((job) => job.payload)).toEqual([{ emailId: 'a', enabled: false }]);
    await unarchiveEmails(db, ['a']);
    expect(await db.emails.get('a')).toMatchObject({ status: 'delivered', tracking: true });
    expect((await db.jobs.toArray()).map((job) => job.payload.enabled).sort()).toEqual([false, true]);
  });

  it('applies a bulk action to the emails that still qualify and reports the ones that changed', async () => {
    await put('a', 'delivered');
    await put('b', 'bounced');
    await put('c', 'delivered');
    const result = await archiveEmails(db, ['a', 'b', 'c', 'missing']);
    expect(result.done).toEqual(['a', 'c']);
    expect(result.failed.map((failure) => failure.id)).toEqual(['b', 'missing']);
    expect(result.failed[0]!.message).toMatch(/changed meanwhile/);
    expect((await db.emails.get('b'))?.status).toBe('bounced');
  });

  it('send now on a draft schedules it for now; on an email that was just sent it fails cleanly', async () => {
    await put('d', 'draft');
    await put('s', 'delivered', { sentAt: 2_000 });
    const before = Date.now();
    expect((await sendEmailsNow(db, ['d'], 'draft')).done).toEqual(['d']);
    const draft = await db.emails.get('d');
    expect(draft?.status).toBe('scheduled');
    expect(draft!.scheduledAt).toBeGreaterThanOrEqual(before);
    const late = await sendEmailsNow(db, ['s'], 'scheduled');
    expect(late.failed).toEqual([{ id: 's', message: 'This email changed meanwhile: it is now delivered.' }]);
  });

  it('reschedule moves a scheduled email to its new time and keeps it in Scheduled', async () => {
    await put('s', 'scheduled', { scheduledAt: 5_000, folderDate: 5_000 });
    await rescheduleEmails(db, ['s'], 99_000, 'scheduled');
    expect(await db.emails.get('s')).toMatchObject({ status: 'scheduled', scheduledAt: 99_000, folderDate: 99_000 });
  });

  it('retry sends a failed email back to Pending, due now, keeping the failure in its history', async () => {
    await put('f', 'failed', {
      failureReason: 'token expired',
      statusHistory: [{ status: 'failed', at: 1_000, reason: 'token expired' }],
    });
    await retryEmails(db, ['f'], 'failed');
    const email = await db.emails.get('f');
    expect(email?.status).toBe('scheduled');
    expect(email?.statusHistory.map((change) => change.reason)).toEqual(['token expired', 'retry']);
  });

  it('delete moves to the trash and restore brings the email back unchanged', async () => {
    await put('x', 'draft');
    const original = await db.emails.get('x');
    await deleteEmails(db, ['x'], 'draft');
    expect(await db.emails.get('x')).toBeUndefined();
    expect(await db.trash.count()).toBe(1);
    await restoreEmails(db, ['x']);
    expect(await db.emails.get('x')).toMatchObject(original!);
    expect(await db.trash.count()).toBe(0);
  });

  it('a bulk action inside one outer transaction keeps the good ones when one is refused', async () => {
    await put('a', 'delivered');
    await put('b', 'draft');
    // As createRunOnce does: an async scope function (Dexie cannot follow a plain arrow's native promise).
    const result = await db.transaction('rw', db.tables, async () => archiveEmails(db, ['a', 'b']));
    expect(result.done).toEqual(['a']);
    expect((await db.emails.get('a'))?.status).toBe('archived');
  });

  it('each action writes its reason code beside the English text, so the history reads in the rep’s language', async () => {
    await put('a', 'delivered');
    await put('d', 'draft');
    await put('s', 'scheduled', { scheduledAt: 5_000 });
    await put('f', 'failed');
    await archiveEmails(db, ['a']);
    await unarchiveEmails(db, ['a']);
    await rescheduleEmails(db, ['s'], 99_000, 'scheduled');
    await sendEmailsNow(db, ['d'], 'draft');
    await retryEmails(db, ['f'], 'failed');
    const { id } = await saveDraft(db, { to: [], subject: 'new' });
    const history = async (emailId: string) =>
      (await db.emails.get(emailId))!.statusHistory.map((change) => [change.reasonCode, change.reason]);
    expect(await history('a')).toEqual([
      ['rep.archived', 'archived by rep: tracking off'],
      ['rep.unarchived', 'unarchived by rep: tracking on'],
    ]);
    expect(await history('s')).toEqual([['rep.rescheduled', 'rescheduled by rep']]);
    expect(await history('d')).toEqual([['rep.sentNow', 'send now']]);
    expect(await history('f')).toEqual([['rep.retried', 'retry']]);
    expect(await history(id)).toEqual([['draft.saved', 'saved as draft']]);
  });
});
