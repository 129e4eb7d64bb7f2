import type { CommandCenterDb } from '../db/database';
import type { AddressMark, EmailRecord, PersonRecord, Recipient } from '../db/records';

// Whether an address can still be written to (issue #14): a hard bounce marks it undeliverable,
// a spam complaint marks it complained. A later delivery to it clears the first (the mailbox came
// back, or the bounce was wrong), never the second: they asked not to be written to. The compose
// toolbar warns when a marked address is typed, and Retarget leaves marked people out.

/**
 * The bounce codes that say the address itself is dead (server/README.md). A policy block (5.7.x)
 * or a soft bounce says nothing of the address; an unknown or missing code is not trusted to.
 */
export const DEAD_ADDRESS_CODES: ReadonlySet<string> = new Set([
  'bounce.hardReason',
  'bounce.hard',
  'bounce.hardAtSend',
]);

/** What the compose toolbar and Retarget need to know about one address. */
export interface AddressStanding {
  address: string;
  /** Hard-bounced, and nothing delivered to it since. */
  bounced?: AddressMark;
  complained?: AddressMark;
}

export const normalAddress = (address: string) => address.trim().toLowerCase();

/** Every recipient of the email, lower-case, each once. */
export function recipientsOf(email: Pick<EmailRecord, 'to' | 'cc' | 'bcc'>): string[] {
  const all = [...email.to, ...(email.cc ?? []), ...(email.bcc ?? [])].map((r) => normalAddress(r.address));
  return [...new Set(all.filter(Boolean))];
}

/**
 * Which of the email's recipients a delivery event is about: the address the server names when it
 * is one of them, else the only recipient. Null when that cannot be told (several recipients and
 * none named, or the report names someone the email was not sent to: a forward further on).
 */
export function addressOfEvent(
  email: Pick<EmailRecord, 'to' | 'cc' | 'bcc'>,
  named: string | undefined,
): string | null {
  const recipients = recipientsOf(email);
  const address = named === undefined ? undefined : normalAddress(named);
  if (address && recipients.includes(address)) return address;
  return recipients.length === 1 ? (recipients[0] ?? null) : null;
}

type MarkField = 'undeliverable' | 'complained';

/**
 * Marks `address` (adding the person when the rep has none for it). An older report than the mark
 * already there changes nothing: the feed may be pulled again, out of order.
 */
export async function markAddress(
  db: CommandCenterDb,
  email: Pick<EmailRecord, 'to' | 'cc' | 'bcc'>,
  address: string,
  field: MarkField,
  mark: AddressMark,
): Promise<void> {
  const person = await personFor(db, email, address);
  const current = person[field];
  if (current && current.at >= mark.at) return;
  await db.people.put({ ...person, [field]: mark });
}

/**
 * Deliveries clear the bounces from before them: `deliveries` maps each address (lower-case) to
 * the time of its latest delivery. One lookup for them all (a page of views proves hundreds).
 */
export async function clearUndeliverable(db: CommandCenterDb, deliveries: ReadonlyMap<string, number>): Promise<void> {
  if (deliveries.size === 0) return;
  const people = await db.people
    .where('email')
    .anyOfIgnoreCase([...deliveries.keys()])
    .toArray();
  const cleared = people.flatMap((person) => {
    const at = deliveries.get(normalAddress(person.email));
    if (!person.undeliverable || at === undefined || person.undeliverable.at > at) return [];
    const { undeliverable: _cleared, ...rest } = person;
    return [rest];
  });
  if (cleared.length) await db.people.bulkPut(cleared);
}

/** The standing of each address asked for that is marked; unmarked ones are left out. */
export async function addressStandings(db: CommandCenterDb, addresses: readonly string[]): Promise<AddressStanding[]> {
  const wanted = [...new Set(addresses.map(normalAddress).filter(Boolean))];
  const people = await db.people.where('email').anyOfIgnoreCase(wanted).toArray();
  return people.flatMap((person) => {
    if (!person.undeliverable && !person.complained) return [];
    return [
      {
        address: normalAddress(person.email),
        ...(person.undeliverable ? { bounced: person.undeliverable } : {}),
        ...(person.complained ? { complained: person.complained } : {}),
      },
    ];
  });
}

/** Recipients split into those to write to and those left out, with why (for Retarget). */
export interface WritableRecipients {
  keep: Recipient[];
  bounced: Recipient[];
  complained: Recipient[];
}

export async function writableRecipients(
  db: CommandCenterDb,
  recipients: readonly Recipient[],
): Promise<WritableRecipients> {
  const standings = new Map(
    (
      await addressStandings(
        db,
        recipients.map((r) => r.address),
      )
    ).map((s) => [s.address, s] as const),
  );
  const split: WritableRecipients = { keep: [], bounced: [], complained: [] };
  for (const recipient of recipients) {
    const standing = standings.get(normalAddress(recipient.address));
    // A complaint says more than a bounce: they asked not to be written to.
    if (standing?.complained) split.complained.push(recipient);
    else if (standing?.bounced) split.bounced.push(recipient);
    else split.keep.push(recipient);
  }
  return split;
}

async function personFor(
  db: CommandCenterDb,
  email: Pick<EmailRecord, 'to' | 'cc' | 'bcc'>,
  address: string,
): Promise<PersonRecord> {
  const known = await db.people.where('email').equalsIgnoreCase(address).first();
  if (known) return known;
  const named = [...email.to, ...(email.cc ?? []), ...(email.bcc ?? [])].find(
    (r) => normalAddress(r.address) === address,
  );
  // The id personForEmail (tasks/task-person.ts) would give, so a task found later finds this row.
  return { id: `person:${address}`, email: address, name: named?.name?.trim() || address };
}
