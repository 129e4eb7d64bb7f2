import { afterEach, describe, expect, it } from 'vitest';
import { CommandCenterDb } from '../db/database';
import { saveDraft } from '../emails/drafts';
import { createRunOnce, pruneCommandLog } from './command-log';

let db: CommandCenterDb;
afterEach(async () => db?.delete());

describe('commands apply at most once per id', () => {
  it('returns the first answer to a retry and writes nothing twice', async () => {
    db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
    const once = createRunOnce(db);
    const run = () => saveDraft(db, { to: [], subject: 'Once' });
    const first = await once('retry-id-0001', 'emails.saveDraft', run);
    const second = await once('retry-id-0001', 'emails.saveDraft', run);
    expect(second).toEqual(first);
    expect(await db.emails.count()).toBe(1);
  });

  it('leaves nothing behind when the command fails half-way', async () => {
    db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
    const once = createRunOnce(db);
    const failing = async () => {
      await saveDraft(db, { to: [], subject: 'Half' });
      throw new Error('worker died');
    };
    await expect(once('fail-id-0001', 'emails.saveDraft', failing)).rejects.toThrow('worker died');
    expect(await db.emails.count()).toBe(0);
    expect(await db.commandLog.count()).toBe(0);
  });

  it('forgets answers older than a day', async () => {
    db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
    await db.commandLog.bulkPut([
      { id: 'old', name: 'demo.clear', at: Date.now() - 2 * 86_400_000, result: null },
      { id: 'new', name: 'demo.clear', at: Date.now(), result: null },
    ]);
    await pruneCommandLog(db);
    expect((await db.commandLog.toArray()).map((row) => row.id)).toEqual(['new']);
  });
});
