import type { AddressMark, EmailRecord, EngagementEventRecord, PersonRecord } from '../db/records';
import { DEAD_ADDRESS_CODES } from '../people/address-standing';

// The demo's people marked as a real mailbox would have marked them (lib/people/address-standing.ts):
// a hard bounce makes the address undeliverable unless a person read a later email to it; a spam
// complaint stays. Worked out per seeded batch, as the server's events would have arrived.

type Marks = Pick<PersonRecord, 'undeliverable' | 'complained'>;

export function demoAddressMarks(
  emails: readonly EmailRecord[],
  events: readonly EngagementEventRecord[],
): Map<string, Marks> {
  const personOf = new Map(emails.map((email) => [email.id, email.personIds[0]] as const));
  const lastRead = new Map<string, number>();
  for (const event of events) {
    const person = personOf.get(event.emailId);
    if (!person || (event.classification !== 'human' && event.classification !== 'proxy')) continue;
    lastRead.set(person, Math.max(lastRead.get(person) ?? 0, event.at));
  }
  const marks = new Map<string, Marks>();
  for (const email of emails) {
    const person = email.personIds[0];
    if (!person || email.failedAt === undefined || !email.failureReason) continue;
    const field = email.status === 'spam' ? 'complained' : email.status === 'bounced' ? 'undeliverable' : undefined;
    if (!field || (field === 'undeliverable' && !DEAD_ADDRESS_CODES.has(email.failureCode ?? ''))) continue;
    if (field === 'undeliverable' && (lastRead.get(person) ?? 0) > email.failedAt) continue;
    const mark: AddressMark = {
      at: email.failedAt,
      emailId: email.id,
      reason: email.failureReason,
      ...(email.failureCode !== undefined ? { reasonCode: email.failureCode } : {}),
      ...(email.failureParams !== undefined ? { reasonParams: email.failureParams } : {}),
    };
    const current = marks.get(person) ?? {};
    if ((current[field]?.at ?? 0) < mark.at) marks.set(person, { ...current, [field]: mark });
  }
  return marks;
}
