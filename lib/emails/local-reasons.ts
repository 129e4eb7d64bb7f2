import type { Reason, ReasonParams } from './reason';

// The reasons the extension itself writes into an email's history. Each code has a message in
// public/_locales (components/emails/reason-messages.ts); the text is what older versions wrote,
// kept as the English fallback. The tracking server's codes are listed in server/README.md.

export const LOCAL_REASONS = {
  draftSaved: { code: 'draft.saved', text: 'saved as draft' },
  archived: { code: 'rep.archived', text: 'archived by rep: tracking off' },
  unarchived: { code: 'rep.unarchived', text: 'unarchived by rep: tracking on' },
  rescheduled: { code: 'rep.rescheduled', text: 'rescheduled by rep' },
  sentNow: { code: 'rep.sentNow', text: 'send now' },
  retried: { code: 'rep.retried', text: 'retry' },
  /** Also the failure reason of a send that lost its worker (recover-stuck-sends.ts). */
  interrupted: { code: 'send.interrupted', text: 'interrupted while sending — check before retrying' },
  /** The v6 upgrade: a soft bounce had moved it to Bounced (lib/db/soft-bounce-upgrade.ts). */
  softBounceKept: {
    code: 'delivery.softBounceKept',
    text: 'a soft bounce is only a warning: moved back out of Bounced',
  },
  demoCreated: { code: 'demo.created', text: 'created' },
  demoData: { code: 'demo.data', text: 'demo data' },
  replySeen: { code: 'reply.seenInThread', text: 'reply seen in the thread' },
  // A send from the rep's own compose (webmail-sends.ts).
  sentFromWebmail: { code: 'send.fromWebmail', text: 'sent from the compose window; Undo Send still possible' },
  undoWindowPassed: { code: 'send.undoWindowPassed', text: 'sent: the Undo Send window has passed' },
  sendUndone: { code: 'send.undone', text: 'Undo Send pressed: back to draft' },
  notSentByWebmail: { code: 'send.notSentByWebmail', text: 'the webmail did not send it' },
  /** A send from the rep's compose that the tab never confirmed (closed mid-send): only the webmail knows. */
  webmailUnconfirmed: {
    code: 'send.webmailUnconfirmed',
    text: 'the webmail never confirmed this send: look in its Sent folder',
  },
} as const satisfies Record<string, Reason & { code: string }>;

/**
 * Why an email from the rep's compose is not tracked, by code: the content script names the
 * code (and its parameters), the background stores the English text beside it.
 */
export const UNTRACKED_REASONS = {
  'untracked.byRep': 'tracking turned off in the compose window',
  'untracked.offByDefault': 'tracking is off by default',
  'untracked.neverTrack': 'a recipient is on the never-track list',
  'untracked.noServer': 'no tracking server is set up',
  'untracked.serverProblem': 'the tracking server could not register it',
  'untracked.serverSlow': 'the tracking server did not answer in time',
  'untracked.serverDeclined': 'the tracking server does not track these recipients',
  'untracked.plainText': 'plain text mode has no images or links to track',
  'untracked.composeUnreadable': 'the compose window could not be read',
  'untracked.bodyChanged': 'the email changed while it was being registered',
} as const;

export type UntrackedCode = keyof typeof UNTRACKED_REASONS;
export const UNTRACKED_CODES = Object.keys(UNTRACKED_REASONS) as [UntrackedCode, ...UntrackedCode[]];

export interface UntrackedReason {
  code: UntrackedCode;
  params?: ReasonParams | undefined;
  detail?: string | undefined;
}

export function untrackedReason({ code, params, detail }: UntrackedReason): Reason {
  return {
    code,
    text: UNTRACKED_REASONS[code],
    ...(params ? { params } : {}),
    ...(detail ? { detail } : {}),
  };
}
