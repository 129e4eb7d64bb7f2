import type { Recipient } from '../db/records';
import type { LayoutHealth } from './health';

// One open compose (new message, pop-out, full-screen or inline reply) as the rest of the
// extension sees it. Implementations live in gmail/compose.ts and outlook/compose.ts; they look
// everything up inside their own compose root, never in the whole document (InboxSDK's rule).

export type RecipientField = 'to' | 'cc' | 'bcc';

/** The parts `health()` checks, named as they appear in `missing` (and in the console). */
export const COMPOSE_PARTS = {
  to: 'to field',
  subject: 'subject',
  body: 'body',
  send: 'send button',
} as const;

export interface ComposeIdentity {
  /** Gmail's draft message id (`#msg-a:r-…`); absent until Gmail has saved the draft once. */
  draftId?: string;
  /** The thread the draft belongs to (`#thread-a:r-…`), e.g. for a reply. */
  threadId?: string;
}

/**
 * Where our compose toolbar goes: a line of its own just before or after `anchor`, the row that
 * holds Send. Not inside that row: a 540 px Gmail compose has about 95 px to spare there.
 */
export interface ToolbarSlot {
  anchor: HTMLElement;
  where: 'before' | 'after';
}

export interface ComposeView {
  /** The chips the webmail shows in one recipient field; [] when the field is hidden or empty. */
  recipients(field: RecipientField): Recipient[];
  /**
   * Types the addresses into the field the way a person would, so the webmail makes its own
   * chips. Returns false when the field could not be found (nothing was typed).
   */
  addRecipients(field: RecipientField, recipients: readonly Recipient[]): boolean;
  subject(): string;
  setSubject(subject: string): void;
  /** The contenteditable message body. */
  body(): HTMLElement | null;
  sendControl(): HTMLElement | null;
  /** Next to the row with Send; null when it is not found (the toolbar then goes at the compose's end). */
  toolbarSlot(): ToolbarSlot | null;
  /** The compose's root element, where our toolbar falls back to and our Send listeners sit. */
  root: HTMLElement;
  /** The webmail will send this as plain text: no image and no link survives. */
  plainText(): boolean;
  /** The webmail's Discard draft control, if it has one we know. */
  discardControl(): HTMLElement | null;
  identity(): ComposeIdentity;
  /** Which parts could not be found: the webmail's compose markup changed. */
  health(): LayoutHealth;
  /** Aborted when the compose leaves the page (sent, discarded, closed) or watching stops. */
  closed: AbortSignal;
}

/** Checks the parts every compose should have, for both sites' `health()`. */
export function composeHealth(found: Record<keyof typeof COMPOSE_PARTS, boolean>): LayoutHealth {
  const missing = (Object.keys(COMPOSE_PARTS) as (keyof typeof COMPOSE_PARTS)[])
    .filter((part) => !found[part])
    .map((part) => COMPOSE_PARTS[part]);
  return { status: missing.length > 0 ? 'degraded' : 'ok', missing };
}
