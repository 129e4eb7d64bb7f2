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
