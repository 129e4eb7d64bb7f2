import { type CommandCenterDb, emailTables } from '../db/database';
import type { EmailRecord, Recipient } from '../db/records';
import { withinTransaction } from '../db/within-transaction';
import { findOrCreateCampaign } from './campaigns';
import { removeEmail, saveEmail } from './email-writes';
import { changeStatus } from './lifecycle';
import { LOCAL_REASONS, type UntrackedReason, untrackedReason } from './local-reasons';
import { toStoredReason } from './reason';

export type { UntrackedReason };

// An email the rep sends from Gmail's or Outlook's own compose. The webmail sends it; we only
// watch: In Progress while the webmail may still take it back (Undo Send), Delivered after,
// Draft when the rep pressed Undo. A row is never Delivered before the Undo window has passed.

/** What the content script read from the compose at Send. */
export interface WebmailSend {
  /** Made by the content script at Send: the email's id here and its message id on the server. */
  id: string;
  site: 'gmail' | 'outlook';
  to: Recipient[];
  cc: Recipient[];
  bcc: Recipient[];
  subject: string;
  bodyPreview: string;
  campaign?: { id: string } | { name: string } | undefined;
  draftId?: string | undefined;
  threadId?: string | undefined;
  /** An earlier send of this compose that the rep undid: its Draft row is replaced by this one. */
  replaces?: string | undefined;
}

function untrackedFields(reason: UntrackedReason | undefined) {
  const stored = reason ? toStoredReason(untrackedReason(reason)) : undefined;
  return {
    untrackedReason: stored?.reason,
    untrackedCode: stored?.reasonCode,
    untrackedParams: stored?.reasonParams,
    untrackedDetail: stored?.reasonDetail,
  };
}

async function newRecord(db: CommandCenterDb, send: WebmailSend, now: number): Promise<EmailRecord> {
  const campaignId = send.campaign ? await findOrCreateCampaign(db, send.campaign, now) : undefined;
  return {
    id: send.id,
    status: 'sending',
    subject: send.subject,
    to: send.to,
    cc: send.cc,
    bcc: send.bcc,
    personIds: [],
    bulk: false,
    tracking: false,
    origin: send.site,
    bodyPreview: send.bodyPreview,
    createdAt: now,
    statusAt: now,
    folderDate: now,
    statusHistory: [{ status: 'sending', at: now, ...toStoredReason(LOCAL_REASONS.sentFromWebmail) }],
    engagement: { views: 0, clicks: 0, replied: false, machineViews: 0, machineClicks: 0 },
    ...(campaignId ? { campaignId } : {}),
    ...(send.threadId ? { threadId: send.threadId } : {}),
    ...(send.draftId ? { webmailDraftId: send.draftId } : {}),
  };
}

/** The Draft an undone send left, if it is still one (the rep may have deleted it meanwhile). */
async function dropReplacedDraft(db: CommandCenterDb, id: string | undefined): Promise<void> {
  if (!id) return;
  const replaced = await db.emails.get(id);
  if (replaced?.status === 'draft' && replaced.origin) await removeEmail(db, replaced);
}

/**
 * The rep pressed Send: the email shows in Pending › In Progress at once. Called again with
 * the same id (a retry, a second Send event), it changes nothing.
 */
export function recordSending(db: CommandCenterDb, send: WebmailSend, now = Date.now()): Promise<EmailRecord> {
  return withinTransaction(db, [...emailTables(db), db.campaigns], async () => {
    const existing = await db.emails.get(send.id);
    if (existing) return existing;
    await dropReplacedDraft(db, send.replaces);
    const email = await newRecord(db, send, now);
    await saveEmail(db, email, undefined);
    return email;
  });
}

export interface Handover {
  send: WebmailSend;
  /** The pixel went into the body (and the links were rewritten). */
  tracked: boolean;
  /** Why not, when not tracked. */
  untracked?: UntrackedReason | undefined;
  /** How long the webmail may still take it back from now. */
  undoWindowMs: number;
}

/**
 * The webmail took the email (its compose closed after Send): it stays In Progress until the
 * Undo window has passed. Carries the whole send, so it stands even if `recordSending` was lost.
 */
export function recordHandover(db: CommandCenterDb, handover: Handover, now = Date.now()): Promise<EmailRecord> {
  return withinTransaction(db, [...emailTables(db), db.campaigns], async () => {
    const existing = await db.emails.get(handover.send.id);
    if (existing && existing.status !== 'sending') return existing; // already undone or delivered
    if (!existing) await dropReplacedDraft(db, handover.send.replaces);
    const base = existing ?? (await newRecord(db, handover.send, now));
    const next: EmailRecord = {
      ...base,
      tracking: handover.tracked,
      ...untrackedFields(handover.tracked ? undefined : (handover.untracked ?? { code: 'untracked.byRep' })),
      sentAt: now,
      undoUntil: now + handover.undoWindowMs,
    };
    await saveEmail(db, next, existing);
    return next;
  });
}

/** Undo Send in time: the email is the webmail's draft again. Returns the row, or undefined if it was too late. */
export async function recordUndo(db: CommandCenterDb, id: string, now = Date.now()): Promise<EmailRecord | undefined> {
  const email = await db.emails.get(id);
  if (email?.status !== 'sending') return undefined;
  return changeStatus(db, id, {
    to: 'draft',
    expected: 'sending',
    reason: LOCAL_REASONS.sendUndone,
    patch: { undoUntil: undefined, sentAt: undefined, tracking: false },
    now,
  });
}

/** The webmail did not take the email (its compose stayed open: a wrong address, a refusal). */
export function recordNotSent(db: CommandCenterDb, id: string): Promise<boolean> {
  return withinTransaction(db, emailTables(db), async () => {
    const email = await db.emails.get(id);
    if (email?.status !== 'sending' || email.undoUntil !== undefined || !email.origin) return false;
    await removeEmail(db, email);
    return true;
  });
}

/** The rep discarded the draft an Undo left: the row goes too. */
export function recordDiscarded(db: CommandCenterDb, id: string): Promise<boolean> {
  return withinTransaction(db, emailTables(db), async () => {
    const email = await db.emails.get(id);
    if (email?.status !== 'draft' || !email.origin) return false;
    await removeEmail(db, email);
    return true;
  });
}

/**
 * Moves every webmail send whose Undo window has passed to Delivered (`upTo` ends a window
 * early: the webmail said it is sent). Returns when the next window ends, if any is open.
 */
export async function deliverPastUndo(
  db: CommandCenterDb,
  now = Date.now(),
  upTo?: string,
): Promise<number | undefined> {
  const sending = await db.emails.where('status').equals('sending').toArray();
  let next: number | undefined;
  for (const email of sending) {
    if (email.undoUntil === undefined) continue;
    if (email.undoUntil > now && email.id !== upTo) {
      next = Math.min(next ?? Infinity, email.undoUntil);
      continue;
    }
    await changeStatus(db, email.id, {
      to: 'delivered',
      expected: 'sending',
      reason: LOCAL_REASONS.undoWindowPassed,
      patch: { undoUntil: undefined },
      now,
    }).catch((error: unknown) => console.warn('[command-center] could not mark a send delivered', error));
  }
  return next;
}

/** When the earliest open Undo window ends (for the wake-up), or undefined when none is open. */
export async function nextUndoWindowEnd(db: CommandCenterDb): Promise<number | undefined> {
  let next: number | undefined;
  await db.emails
    .where('status')
    .equals('sending')
    .each((email) => {
      if (email.undoUntil !== undefined) next = Math.min(next ?? Infinity, email.undoUntil);
    });
  return next;
}
