import type { DeliveryWarning, EmailRecord } from '../db/records';
import type { EmailStatus } from '../emails/status';

// What a delivery report that is not final does (issue #14): a soft bounce or a delay leaves the
// email where it is and puts a warning on its row. Bounced means "rejected by the recipient's
// server"; a full mailbox for an hour is not a dead address.

/** The server's report types and codes that only warn, old servers' included. */
export function isDeliveryWarning(event: { type: string; reasonCode?: string | undefined }): boolean {
  // Servers before issue #14 sent a soft bounce as `bounce` with `bounce.soft`; newer ones send
  // every soft bounce and delay as `deferred` (deferred.softBounce, deferred.delayedReason).
  return event.type === 'deferred' || (event.type === 'bounce' && event.reasonCode === 'bounce.soft');
}

/** Already undelivered: a warning would only repeat what the row's failure says. */
const WITHOUT_WARNINGS: ReadonlySet<EmailStatus> = new Set(['failed', 'bounced', 'spam']);

/**
 * The email's warning after a report of `at`: the newer one wins (the feed may be pulled again
 * out of order), and none on an email that already failed.
 */
export function warningAfter(
  email: Pick<EmailRecord, 'status' | 'deliveryWarning'>,
  next: DeliveryWarning,
): DeliveryWarning | undefined {
  if (WITHOUT_WARNINGS.has(email.status)) return email.deliveryWarning;
  const current = email.deliveryWarning;
  return current && current.at > next.at ? current : next;
}

/** A delivery report of `at` clears a warning from before it: the retries succeeded. */
export function clearedBy(warning: DeliveryWarning | undefined, at: number): boolean {
  return warning !== undefined && warning.at <= at;
}
