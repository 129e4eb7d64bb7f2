import type { EmailStatus } from './status';

// Which quick actions each folder offers (product.md). The action bar renders from this table,
// so Edit slots in here when the compose work lands. Follow up makes a task (lib/tasks/follow-up.ts).

export type EmailAction = 'archive' | 'followUp' | 'unarchive' | 'reschedule' | 'sendNow' | 'retry' | 'delete';

export const ACTIONS_BY_STATUS: Readonly<Record<EmailStatus, readonly EmailAction[]>> = {
  delivered: ['archive', 'followUp'],
  archived: ['unarchive', 'delete'],
  scheduled: ['reschedule', 'sendNow', 'delete'],
  draft: ['reschedule', 'sendNow', 'delete'],
  sending: [],
  failed: ['retry', 'delete'],
  bounced: ['retry', 'delete'],
  spam: ['retry', 'delete'],
};

/** Actions whose effect the rep can take back from the toast. */
export const UNDOABLE: ReadonlySet<EmailAction> = new Set(['archive', 'unarchive', 'delete']);
