import type { CommandCenterDb } from '../../lib/db/database.ts';
import type { EmailRecord } from '../../lib/db/records.ts';
import { saveEmails } from '../../lib/emails/email-writes.ts';
import type { EmailStatus } from '../../lib/emails/status.ts';
import { withSearchKeys } from '../../lib/search/search-keys.ts';

/** A valid stored email for tests; override what the test is about. */
export function testEmail(id: string, status: EmailStatus, extra: Partial<EmailRecord> = {}): EmailRecord {
  const email: EmailRecord = {
    id,
    status,
    subject: `Subject ${id}`,
    to: [{ address: `${id}@example.com`, name: `Person ${id}` }],
    personIds: [],
    bulk: false,
    tracking: status !== 'archived',
    createdAt: 1_000,
    statusAt: 1_000,
    folderDate: 1_000,
    statusHistory: [],
    engagement: { views: 0, clicks: 0, replied: false, machineViews: 0, machineClicks: 0 },
    ...extra,
  };
  // As every write through email-writes.ts leaves it.
  return withSearchKeys(email);
}

/** Stores test emails as every write stores them (email-writes.ts): with their text indexes, lists and counters. */
export function storeTestEmails(db: CommandCenterDb, emails: EmailRecord[]): Promise<EmailRecord[]> {
  return saveEmails(
    db,
    emails.map((next) => ({ next, previous: undefined })),
  );
}
