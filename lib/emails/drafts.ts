import type { CommandCenterDb } from '../db/database';
import type { EmailRecord, Recipient } from '../db/records';
import { saveEmail } from './email-writes';
import { LOCAL_REASONS } from './local-reasons';
import { toStoredReason } from './reason';

export interface DraftInput {
  to: Recipient[];
  subject: string;
  body?: string | undefined;
}

/** Saves a single email as a draft (Pending › Draft). */
export async function saveDraft(db: CommandCenterDb, input: DraftInput, now = Date.now()): Promise<{ id: string }> {
  const email: EmailRecord = {
    id: crypto.randomUUID(),
    status: 'draft',
    subject: input.subject,
    to: input.to,
    personIds: [],
    bulk: false,
    tracking: true,
    createdAt: now,
    statusAt: now,
    folderDate: now,
    statusHistory: [{ status: 'draft', at: now, ...toStoredReason(LOCAL_REASONS.draftSaved) }],
    engagement: { views: 0, clicks: 0, replied: false, machineViews: 0, machineClicks: 0 },
    ...(input.body !== undefined ? { bodyPreview: input.body.slice(0, 500) } : {}),
  };
  await saveEmail(db, email, undefined);
  return { id: email.id };
}
