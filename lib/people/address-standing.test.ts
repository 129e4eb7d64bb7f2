import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import { applyServerEvent } from '../tracking/apply-event';
import { type ServerEvent, serverEventSchema } from '../tracking/server-event';
import { addressStandings, writableRecipients } from './address-standing';

// Issue #14, people: a hard bounce marks the address, a soft one does not, a later delivery clears
// it; a complaint stays. Every case goes through the real path a server event takes.

let db: CommandCenterDb;
beforeEach(() => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

let cursor = 0;
const event = (overrides: Partial<ServerEvent>): ServerEvent => ({
  cursor: String(++cursor),
  messageId: 'e1',
  type: 'bounce',
  at: '2026-11-25T10:00:00.000Z',
  classification: null,
  reason: 'bounce: hard bounce, userUnknown (5.1.1)',
  reasonCode: 'bounce.hardReason',
  reasonParams: { reason: 'userUnknown', status: '5.1.1' },
  ...overrides,
});
const hardBounce = (recipient?: string, at = '2026-11-25T10:00:00.000Z') =>
  event({ at, ...(recipient ? { recipient } : {}) });
const standingOf = async (address: string) => (await addressStandings(db, [address]))[0];

describe('an address bounced hard', () => {
  it('is marked undeliverable with the report’s reason, the person added under the name the email had', async () => {
    await db.emails.put(testEmail('e1', 'delivered'));
    await applyServerEvent(db, hardBounce('E1@Example.com'));
    const standing = await standingOf('e1@example.com');
    expect(standing?.bounced).toMatchObject({
      at: Date.parse('2026-11-25T10:00:00.000Z'),
      emailId: 'e1',
      reasonCode: 'bounce.hardReason',
      reasonParams: { reason: 'userUnknown', status: '5.1.1' },
    });
    expect(await db.people.where('email').equals('e1@example.com').first()).toMatchObject({ name: 'Person e1' });
    // Typed in any case, it is the same address.
    expect((await addressStandings(db, [' E1@EXAMPLE.COM ']))[0]?.address).toBe('e1@example.com');
  });

  it('is marked from an older server’s event that names no recipient, when the email had only one', async () => {
    await db.emails.put(testEmail('e1', 'delivered'));
    await applyServerEvent(db, event({ reasonCode: 'bounce.hard', reasonParams: { status: '5.1.1' } }));
    expect((await standingOf('e1@example.com'))?.bounced).toBeDefined();
  });

  it('on an email to several people, marks only the one the report names, and nobody when it names no one of them', async () => {
    const to = [
      { address: 'ann@example.com', name: 'Ann' },
      { address: 'bob@example.com', name: 'Bob' },
    ];
    await db.emails.put(testEmail('e1', 'delivered', { to, cc: [{ address: 'cy@example.com' }] }));
    await applyServerEvent(db, hardBounce('bob@example.com'));
    await applyServerEvent(db, hardBounce('someone-forwarded-to@elsewhere.example'));
    await applyServerEvent(db, event({ type: 'bounce', reasonCode: 'bounce.hard' }));
    const marked = await addressStandings(db, ['ann@example.com', 'bob@example.com', 'cy@example.com']);
    expect(marked.map((s) => s.address)).toEqual(['bob@example.com']);
  });

  it('is not marked by a soft bounce, a delay, a policy block or a bounce whose code this version does not know', async () => {
    await db.emails.put(testEmail('e1', 'delivered'));
    const notDead = [
      event({
        type: 'deferred',
        reasonCode: 'deferred.softBounce',
        reasonParams: { reason: 'mailboxFull', status: '5.2.2' },
      }),
      event({
        type: 'deferred',
        reasonCode: 'deferred.delayedReason',
        reasonParams: { reason: 'network', status: '4.4.1' },
      }),
      event({ reasonCode: 'bounce.soft', reasonParams: { status: '4.2.2' } }),
      event({ reasonCode: 'bounce.blocked', reasonParams: { status: '5.7.1' } }),
      event({ reasonCode: 'bounce.blockedAtSend', reasonParams: { smtpCode: 554 } }),
      event({ reasonCode: 'bounce.somethingNewer' }),
    ];
    for (const e of notDead) await applyServerEvent(db, { ...e, recipient: 'e1@example.com' });
    expect(await addressStandings(db, ['e1@example.com'])).toEqual([]);
  });

  it('is cleared by a later delivery report or a person reading a later email, not by a machine or an earlier report', async () => {
    await db.emails.bulkPut([
      testEmail('e1', 'delivered'),
      testEmail('e2', 'delivered', { to: [{ address: 'e1@example.com' }] }),
    ]);
    await applyServerEvent(db, hardBounce('e1@example.com', '2026-11-25T10:00:00.000Z'));
    // Out of order: a delivery from before the bounce, and the relay's own acceptance, say nothing.
    await applyServerEvent(
      db,
      event({
        type: 'delivered',
        reasonCode: 'delivered.dsn',
        at: '2026-11-25T09:00:00.000Z',
        recipient: 'e1@example.com',
      }),
    );
    await applyServerEvent(
      db,
      event({
        type: 'delivered',
        reasonCode: 'delivered.relayAccepted',
        at: '2026-11-26T09:00:00.000Z',
        recipient: 'e1@example.com',
      }),
    );
    await applyServerEvent(
      db,
      event({
        messageId: 'e2',
        type: 'view',
        classification: 'scanner',
        reasonCode: 'scanner.userAgent',
        at: '2026-11-26T10:00:00.000Z',
      }),
    );
    expect((await standingOf('e1@example.com'))?.bounced).toBeDefined();

    await applyServerEvent(
      db,
      event({
        messageId: 'e2',
        type: 'view',
        classification: 'human',
        reasonCode: 'human.browser',
        at: '2026-11-27T10:00:00.000Z',
      }),
    );
    expect(await standingOf('e1@example.com')).toBeUndefined();

    await applyServerEvent(db, hardBounce('e1@example.com', '2026-11-28T10:00:00.000Z'));
    await applyServerEvent(
      db,
      event({
        type: 'delivered',
        reasonCode: 'delivered.dsn',
        at: '2026-11-29T10:00:00.000Z',
        recipient: 'e1@example.com',
      }),
    );
    expect(await standingOf('e1@example.com')).toBeUndefined();
  });

  it('keeps the newest bounce when the feed is pulled again out of order', async () => {
    await db.emails.put(testEmail('e1', 'delivered'));
    await applyServerEvent(db, hardBounce('e1@example.com', '2026-11-28T10:00:00.000Z'));
    await applyServerEvent(db, {
      ...hardBounce('e1@example.com', '2026-11-20T10:00:00.000Z'),
      reasonParams: { reason: 'hostUnknown', status: '5.1.2' },
    });
    expect((await standingOf('e1@example.com'))?.bounced?.reasonParams).toEqual({
      reason: 'userUnknown',
      status: '5.1.1',
    });
  });
});

describe('a complaint', () => {
  it('marks the address complained, and no delivery clears it', async () => {
    await db.emails.put(testEmail('e1', 'delivered'));
    await applyServerEvent(
      db,
      event({ type: 'complaint', reasonCode: 'complaint.arf', reasonParams: undefined, recipient: 'e1@example.com' }),
    );
    await applyServerEvent(
      db,
      event({ type: 'view', classification: 'human', reasonCode: 'human.browser', at: '2026-11-27T10:00:00.000Z' }),
    );
    expect((await standingOf('e1@example.com'))?.complained).toMatchObject({ reasonCode: 'complaint.arf' });
  });
});

describe('writable recipients (what Retarget leaves out)', () => {
  it('splits recipients into those to write to, those who bounced and those who complained', async () => {
    await db.emails.bulkPut([testEmail('e1', 'delivered'), testEmail('e2', 'delivered'), testEmail('e3', 'delivered')]);
    await applyServerEvent(db, hardBounce('e1@example.com'));
    await applyServerEvent(db, event({ messageId: 'e2', type: 'complaint', reasonCode: 'complaint.jmrp' }));
    const split = await writableRecipients(db, [
      { address: 'E1@example.com', name: 'One' },
      { address: 'e2@example.com' },
      { address: 'e3@example.com' },
    ]);
    expect(split).toEqual({
      keep: [{ address: 'e3@example.com' }],
      bounced: [{ address: 'E1@example.com', name: 'One' }],
      complained: [{ address: 'e2@example.com' }],
    });
  });
});

describe('the recipient the server names', () => {
  it('is dropped when it is no address, and the event still applies', () => {
    const parsed = v.parse(serverEventSchema, { ...hardBounce(), recipient: 'not an address <script>' });
    expect(parsed.recipient).toBeUndefined();
    expect(parsed.type).toBe('bounce');
  });
});
