import { afterEach, describe, expect, it } from 'vitest';
import { CommandCenterDb } from '../db/database';
import { saveDraft } from '../emails/drafts';
import { readFolderCounts } from '../emails/folder-counters';
import { clearDemo, isDemoActive, seedDemo } from './seed-demo';

let db: CommandCenterDb;
afterEach(async () => db?.delete());

describe('demo switch', () => {
  it('adds the demo mailbox and removes exactly it, keeping the rep’s own emails', async () => {
    db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
    const own = await saveDraft(db, { to: [{ address: 'client@example.com' }], subject: 'My real draft' });
    const seeded = await seedDemo(db, { emails: 120 });
    expect(seeded.emails).toBe(120);
    expect(await isDemoActive(db)).toBe(true);
    const counts = await readFolderCounts(db);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(121);

    await clearDemo(db);
    expect(await isDemoActive(db)).toBe(false);
    expect(await db.emails.count()).toBe(1);
    expect((await db.emails.get(own.id))?.subject).toBe('My real draft');
    expect(await db.events.count()).toBe(0);
  });

  it('replaces an earlier demo instead of doubling it', async () => {
    db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
    await seedDemo(db, { emails: 50 });
    await seedDemo(db, { emails: 50 });
    expect(await db.emails.count()).toBe(50);
  });
});

describe('the demo’s people', () => {
  it('are marked as their emails’ reports would have marked them: a hard bounce undeliverable, a complaint complained', async () => {
    db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
    await seedDemo(db, { emails: 240 });
    const people = await db.people.toArray();
    const undeliverable = people.filter((p) => p.undeliverable);
    const complained = people.filter((p) => p.complained);
    expect(undeliverable.length).toBeGreaterThan(0);
    expect(complained.length).toBeGreaterThan(0);
    for (const person of undeliverable) {
      const email = await db.emails.get(person.undeliverable?.emailId ?? '');
      // Bounced for a dead address, to this person, never for a policy block.
      expect([email?.status, email?.failureCode, email?.personIds[0]]).toEqual([
        'bounced',
        'bounce.hardReason',
        person.id,
      ]);
    }
    for (const person of complained)
      expect((await db.emails.get(person.complained?.emailId ?? ''))?.status).toBe('spam');
  });
});
