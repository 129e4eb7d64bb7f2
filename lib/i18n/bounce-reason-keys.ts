import type { MessageKey } from './t';

// The server's delivery report reasons (server/README.md, the `reason` parameter of bounce,
// deferred and failed events; server/src/smtp/bounce-reasons.ts) and their messages: said in the
// sidebar's reasons (components/emails/reason-messages.ts) and in the compose toolbar's warnings.

export const BOUNCE_REASONS: Readonly<Record<string, MessageKey>> = {
  userUnknown: 'bounceReasonUserUnknown',
  hostUnknown: 'bounceReasonHostUnknown',
  mailboxFull: 'bounceReasonMailboxFull',
  messageTooLarge: 'bounceReasonMessageTooLarge',
  policy: 'bounceReasonPolicy',
  spamDetected: 'bounceReasonSpamDetected',
  suspended: 'bounceReasonSuspended',
  rateLimited: 'bounceReasonRateLimited',
  network: 'bounceReasonNetwork',
  expired: 'bounceReasonExpired',
  systemError: 'bounceReasonSystemError',
  autoReply: 'bounceReasonAutoReply',
  delivered: 'bounceReasonDelivered',
  unknown: 'bounceReasonUnknown',
};
