import type { EmailRecord } from '../db/records';

/**
 * The date a folder sorts by (product.md): sent for Sent, scheduled for Scheduled, failed for
 * Undelivered, created for drafts and in-progress. Stored on the row so a folder's newest-first
 * page is one index range.
 */
export function folderDateOf(
  email: Pick<EmailRecord, 'status' | 'createdAt' | 'sentAt' | 'scheduledAt' | 'failedAt' | 'statusAt'>,
): number {
  switch (email.status) {
    case 'delivered':
    case 'archived':
      return email.sentAt ?? email.statusAt;
    case 'scheduled':
      return email.scheduledAt ?? email.statusAt;
    case 'failed':
    case 'bounced':
    case 'spam':
      return email.failedAt ?? email.statusAt;
    case 'draft':
    case 'sending':
      return email.createdAt;
  }
}
