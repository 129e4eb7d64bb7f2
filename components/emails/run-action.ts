import type { ActionResult } from '../../lib/emails/actions';
import type { EmailAction } from '../../lib/emails/actions-by-status';
import type { EmailStatus } from '../../lib/emails/status';
import { sendCommand } from '../../lib/messaging/client';
import type { FollowUpType } from '../../lib/tasks/follow-up';

/** Emails per command: small enough to show progress, large enough to be quick. */
export const CHUNK = 50;

export interface ActionOptions {
  at?: number;
  /** Follow up: the task's type and due day (in the rep's zone), from the chooser. */
  followUp?: { type: FollowUpType; day: string };
}

/**
 * Sends one action for some emails to the background, chunk by chunk, reporting progress. When
 * `stopped` says so it sends no further chunk: the emails done so far stay done (and can be undone).
 */
export async function runAction(
  action: EmailAction,
  ids: string[],
  status: EmailStatus,
  options: ActionOptions,
  onProgress: (done: number) => void,
  stopped: () => boolean = () => false,
): Promise<ActionResult> {
  const total: ActionResult = { done: [], failed: [] };
  for (let start = 0; start < ids.length && !stopped(); start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const result = await sendChunk(action, chunk, status, options);
    total.done.push(...result.done);
    total.failed.push(...result.failed);
    onProgress(Math.min(ids.length, start + CHUNK));
  }
  return total;
}

function sendChunk(
  action: EmailAction,
  ids: string[],
  status: EmailStatus,
  options: ActionOptions,
): Promise<ActionResult> {
  switch (action) {
    case 'archive':
      return sendCommand('emails.archive', { ids });
    case 'unarchive':
      return sendCommand('emails.unarchive', { ids });
    case 'delete':
      return sendCommand('emails.delete', { ids, expected: status });
    case 'retry':
      return sendCommand('emails.retry', { ids, expected: status as 'failed' | 'bounced' | 'spam' });
    case 'sendNow':
      return sendCommand('emails.sendNow', { ids, expected: status as 'draft' | 'scheduled' });
    case 'followUp':
      if (!options.followUp) throw new Error('A task type is needed.');
      return followUpEach(ids, options.followUp);
    case 'reschedule':
      if (options.at === undefined) throw new Error('A new send time is needed.');
      return sendCommand('emails.reschedule', { ids, at: options.at, expected: status as 'draft' | 'scheduled' });
  }
}

/** One task per email (each its own command), each email's refusal kept with it. */
async function followUpEach(ids: string[], choice: NonNullable<ActionOptions['followUp']>): Promise<ActionResult> {
  const result: ActionResult = { done: [], failed: [] };
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const emailId of ids) {
    try {
      await sendCommand('tasks.followUp', {
        emailId,
        type: choice.type,
        due: { kind: 'day', day: choice.day },
        timeZone,
      });
      result.done.push(emailId);
    } catch (error) {
      result.failed.push({ id: emailId, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

/** The action that takes back `action` for the emails it changed, if there is one. */
export async function undoAction(action: EmailAction, ids: string[]): Promise<ActionResult | undefined> {
  const chunks = Array.from({ length: Math.ceil(ids.length / CHUNK) }, (_, index) =>
    ids.slice(index * CHUNK, (index + 1) * CHUNK),
  );
  const command =
    action === 'archive'
      ? 'emails.unarchive'
      : action === 'unarchive'
        ? 'emails.archive'
        : action === 'delete'
          ? 'emails.restore'
          : undefined;
  if (!command) return undefined;
  const result: ActionResult = { done: [], failed: [] };
  for (const chunk of chunks) {
    const part = await sendCommand(command, { ids: chunk });
    result.done.push(...part.done);
    result.failed.push(...part.failed);
  }
  return result;
}
