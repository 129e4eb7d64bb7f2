import type { EmailStatus, PrimaryTab } from '../../lib/emails/status';
import type { MessageKey } from '../../lib/i18n/t';

export const TAB_LABELS: Record<PrimaryTab, MessageKey> = {
  sent: 'tabSent',
  pending: 'tabPending',
  undelivered: 'tabUndelivered',
};

export const FOLDER_LABELS: Record<EmailStatus, MessageKey> = {
  delivered: 'folderDelivered',
  archived: 'folderArchived',
  scheduled: 'folderScheduled',
  draft: 'folderDraft',
  sending: 'folderSending',
  failed: 'folderFailed',
  bounced: 'folderBounced',
  spam: 'folderSpam',
};
