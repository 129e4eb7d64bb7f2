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

/**
 * What a selection across folders (a search result, a list) can do: the actions every one of its
 * statuses offers, in the table's order; `mixed` when some status on its own would offer more.
 */
export function actionsForAll(statuses: ReadonlySet<EmailStatus>): { actions: EmailAction[]; mixed: boolean } {
  const offered = [...statuses].map((status) => ACTIONS_BY_STATUS[status]);
  if (offered.length === 0) return { actions: [], mixed: false };
  const actions = offered[0]!.filter((action) => offered.every((each) => each.includes(action)));
  return { actions, mixed: offered.some((each) => each.length > actions.length) };
}
