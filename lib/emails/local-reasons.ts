import type { Reason } from './reason';

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
  demoCreated: { code: 'demo.created', text: 'created' },
  demoData: { code: 'demo.data', text: 'demo data' },
  replySeen: { code: 'reply.seenInThread', text: 'reply seen in the thread' },
} as const satisfies Record<string, Reason & { code: string }>;
