import type { CommandCenterDb } from '../db/database';
import type { EmailRecord } from '../db/records';
import { type Reason, toStoredReason } from '../emails/reason';
import { addressOfEvent, clearUndeliverable, DEAD_ADDRESS_CODES, markAddress } from '../people/address-standing';
import { isDeliveryWarning } from './delivery-warning';

// What a server event says about the address it concerns (lib/people/address-standing.ts).

/** The fields of a checked server event (apply-event.ts) read here. */
interface AddressEvent {
  type: string;
  reasonCode?: string | undefined;
  classification?: string | null | undefined;
  recipient?: string | undefined;
}

/** Proof the mail reached a mailbox: a delivery report, or a person (or their mail app's proxy) reading it. */
function provesDelivery(event: AddressEvent): boolean {
  if (event.type === 'delivered') return event.reasonCode === 'delivered.dsn';
  // "Accepted by the relay" is not it: the relay's own bounce may follow.
  return (
    (event.type === 'view' || event.type === 'click') &&
    (event.classification === 'human' || event.classification === 'proxy')
  );
}

/** A view, click or delivery report that proves mail reached its recipient, with its time. */
export interface DeliveryProof {
  email: Pick<EmailRecord, 'to' | 'cc' | 'bcc'>;
  event: AddressEvent;
  at: number;
}

/** Clears the bounce marks the proofs disprove (people or their proxies reading, delivery reports). */
export function noteDeliveries(db: CommandCenterDb, proofs: readonly DeliveryProof[]): Promise<void> {
  const deliveries = new Map<string, number>();
  for (const { email, event, at } of proofs) {
    if (isDeliveryWarning(event) || !provesDelivery(event)) continue;
    // A view names no recipient: on an email to several people it proves nothing about one of them.
    const address = addressOfEvent(email, event.type === 'delivered' ? event.recipient : undefined);
    if (address) deliveries.set(address, Math.max(at, deliveries.get(address) ?? at));
  }
  return clearUndeliverable(db, deliveries);
}

export async function noteAddressStanding(
  db: CommandCenterDb,
  email: EmailRecord,
  event: AddressEvent,
  at: number,
  reason: Reason,
): Promise<void> {
  if (isDeliveryWarning(event)) return;
  const dead = event.type === 'bounce' && event.reasonCode !== undefined && DEAD_ADDRESS_CODES.has(event.reasonCode);
  const complaint = event.type === 'complaint';
  if (provesDelivery(event)) return noteDeliveries(db, [{ email, event, at }]);
  if (!dead && !complaint) return;
  const address = addressOfEvent(email, event.recipient);
  if (!address) return;
  const mark = { at, emailId: email.id, ...toStoredReason(reason) };
  await markAddress(db, email, address, dead ? 'undeliverable' : 'complained', mark);
}
