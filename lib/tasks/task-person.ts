import type { CommandCenterDb } from '../db/database';
import type { EmailRecord } from '../db/records';

// The person a task about an email is for: the email's first recipient. The rep's people are
// keyed by address (`people` has a unique `email` index), so the same address is one person
// whichever email or task named them first.

/** The id of the email's first recipient among the rep's people, added when they are not yet. */
export async function personForEmail(db: CommandCenterDb, email: EmailRecord): Promise<string | undefined> {
  const linked = email.personIds?.[0];
  if (linked && (await db.people.get(linked))) return linked;
  const first = email.to[0];
  if (!first?.address) return undefined;
  const address = first.address.trim().toLowerCase();
  const known = await db.people.where('email').equalsIgnoreCase(address).first();
  if (known) return known.id;
  // A deterministic id: a second run (a retried command, a re-evaluated rule) finds this row.
  const id = `person:${address}`;
  await db.people.put({ id, email: address, name: first.name?.trim() || address });
  return id;
}
