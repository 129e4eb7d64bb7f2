import type { EmailStatus } from './status';

// The one table of legal status changes (product.md, "Email folders"). Anything not listed is
// refused. Reschedule keeps an email Scheduled (it changes the time, not the status).

export type TransitionCause =
  | 'schedule' // draft → scheduled
  | 'unschedule' // scheduled → draft (single emails only)
  | 'start-sending' // scheduled → sending (the worker picked it up)
  | 'sent' // sending → delivered
  | 'send-failed' // sending/scheduled → failed
  | 'rejected-at-send' // sending → bounced (5xx from the receiving server)
  | 'undo-send' // sending → draft (the rep pressed the webmail's Undo Send in time)
  | 'bounced' // delivered → bounced (a DSN arrived later)
  | 'expired' // delivered → failed (the relay accepted it, then gave up after its retries)
  | 'complaint' // delivered/archived → spam (a feedback report)
  | 'archive' // delivered → archived (tracking off)
  | 'unarchive' // archived → delivered (tracking on)
  | 'retry'; // failed/bounced/spam → scheduled, due now

export const TRANSITIONS: Readonly<Record<EmailStatus, Partial<Record<EmailStatus, TransitionCause>>>> = {
  draft: { scheduled: 'schedule' },
  scheduled: { draft: 'unschedule', sending: 'start-sending', failed: 'send-failed' },
  sending: { delivered: 'sent', failed: 'send-failed', bounced: 'rejected-at-send', draft: 'undo-send' },
  delivered: { archived: 'archive', bounced: 'bounced', failed: 'expired', spam: 'complaint' },
  archived: { delivered: 'unarchive', spam: 'complaint' },
  failed: { scheduled: 'retry' },
  bounced: { scheduled: 'retry' },
  spam: { scheduled: 'retry' },
};

/** Where an email in `from` goes for one of `causes`, if any of them applies to it. */
export function statusAfter(from: EmailStatus, causes: readonly TransitionCause[]): EmailStatus | undefined {
  const moves = Object.entries(TRANSITIONS[from]) as [EmailStatus, TransitionCause][];
  return moves.find(([, cause]) => causes.includes(cause))?.[0];
}

export function isLegalTransition(from: EmailStatus, to: EmailStatus): boolean {
  return TRANSITIONS[from][to] !== undefined;
}
