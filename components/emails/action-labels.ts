import type { EmailAction } from '../../lib/emails/actions-by-status';
import type { MessageKey, PluralKey } from '../../lib/i18n/t';

export const ACTION_LABELS: Record<EmailAction, MessageKey> = {
  archive: 'actionArchive',
  followUp: 'actionFollowUp',
  unarchive: 'actionUnarchive',
  reschedule: 'actionReschedule',
  sendNow: 'actionSendNow',
  retry: 'actionRetry',
  delete: 'actionDelete',
};

/** What the toast says once an action is done ("Archived 3 emails"). */
export const ACTION_DONE: Record<EmailAction, PluralKey> = {
  archive: 'doneArchive',
  followUp: 'doneFollowUp',
  unarchive: 'doneUnarchive',
  reschedule: 'doneReschedule',
  sendNow: 'doneSendNow',
  retry: 'doneRetry',
  delete: 'doneDelete',
};

/** What the progress bar says while a bulk action runs ("Archiving…"). */
export const ACTION_PROGRESS: Record<EmailAction, MessageKey> = {
  archive: 'progressArchive',
  followUp: 'progressFollowUp',
  unarchive: 'progressUnarchive',
  reschedule: 'progressReschedule',
  sendNow: 'progressSendNow',
  retry: 'progressRetry',
  delete: 'progressDelete',
};
