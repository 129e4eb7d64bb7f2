import type { CommandCenterDb } from '../db/database';
import { trackingJob } from '../emails/actions';
import {
  type Handover,
  recordHandover,
  recordSending,
  recordUndo,
  type UntrackedReason,
  type WebmailSend,
} from '../emails/webmail-sends';
import { registerMessage } from './register-message';
import { ServerError } from './server-client';
import type { ServerSettings } from './server-settings';

// The background's half of a send from the rep's own compose: the row, the server's
// registration, and telling the server to stop when the pixel never went out.

/**
 * How long the rep's Send may wait for the server's registration. The whole send must leave
 * within 1.5 s of the click (issue #10); this leaves room for waking the worker and the page's work.
 */
export const REGISTER_BUDGET_MS = 1000;

export type PreparedSend =
  | { tracking: true; pixelUrl: string; clickUrls: (string | null)[] }
  | { tracking: false; untracked: UntrackedReason };

export interface SendToPrepare {
  send: WebmailSend;
  /** What the compose asks for: tracked, or not and why (the toolbar's choice). */
  track: boolean;
  untracked?: UntrackedReason | undefined;
  links: string[];
}

const addressesOf = (send: WebmailSend) => [...send.to, ...send.cc, ...send.bcc].map((r) => r.address);

export async function prepareWebmailSend(
  db: CommandCenterDb,
  settings: ServerSettings | null,
  request: SendToPrepare,
  now = Date.now(),
  budgetMs = REGISTER_BUDGET_MS,
): Promise<PreparedSend> {
  const { send } = request;
  await recordSending(db, send, now);
  if (!request.track) return { tracking: false, untracked: request.untracked ?? { code: 'untracked.byRep' } };
  if (!settings) return { tracking: false, untracked: { code: 'untracked.noServer' } };
  try {
    const registration = await registerMessage(
      settings,
      { messageId: send.id, sentAt: now, recipients: addressesOf(send), links: request.links },
      budgetMs,
    );
    if (!registration.tracking) return { tracking: false, untracked: { code: 'untracked.serverDeclined' } };
    return { tracking: true, pixelUrl: registration.pixelUrl, clickUrls: registration.clickUrls };
  } catch (error) {
    if (!(error instanceof ServerError)) throw error;
    if (error.detail.startsWith('TimeoutError'))
      return { tracking: false, untracked: { code: 'untracked.serverSlow', params: { seconds: budgetMs / 1000 } } };
    return {
      tracking: false,
      untracked: { code: 'untracked.serverProblem', params: { problem: error.code }, detail: error.message },
    };
  }
}

/**
 * The webmail took the email. When no pixel went out but the server may hold a registration
 * (it answered too late, or the body changed), the outbox tells it to record nothing.
 */
export async function recordWebmailHandover(
  db: CommandCenterDb,
  handover: Handover & { registered: boolean },
  now = Date.now(),
) {
  const email = await recordHandover(db, handover, now);
  if (!handover.tracked && handover.registered) await db.jobs.put(trackingJob(email.id, false, now));
  return { status: email.status };
}

/** Undo Send: a Draft again, and the server stops recording its (never sent) pixel. */
export async function recordWebmailUndo(db: CommandCenterDb, id: string, now = Date.now()) {
  const wasTracked = (await db.emails.get(id))?.tracking === true;
  const email = await recordUndo(db, id, now);
  if (email && wasTracked) await db.jobs.put(trackingJob(id, false, now));
  return { undone: email !== undefined };
}
