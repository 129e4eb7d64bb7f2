import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandCenterDb } from './database';

const name = `upgrade-${crypto.randomUUID()}`;
afterEach(() => Dexie.delete(name));

describe('the database upgrade', () => {
  it('keeps every damaged row when the "flagged" table becomes "damaged" (v1 → v2)', async () => {
    // A database exactly as version 1 left it: the v1 schema of these two tables, with rows.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      emails: 'id, status, [status+folderDate], campaignId, *personIds, *searchWords, createdAt, statusAt',
      flagged: 'id',
    });
    const rows = Array.from({ length: 120 }, (_, n) => ({
      id: `e${n}`,
      problem: `no folder date (${n})`,
      at: 1_000 + n,
    }));
    await v1.table('flagged').bulkPut(rows);
    await v1.table('emails').put({ id: 'e0', status: 'delivered' });
    v1.close();

    const db = new CommandCenterDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect((await db.damaged.toArray()).sort((a, b) => a.at - b.at)).toEqual(rows);
    expect(db.tables.map((table) => table.name)).not.toContain('flagged');
    // Nothing else was touched.
    expect(await db.emails.get('e0')).toEqual({ id: 'e0', status: 'delivered' });
    db.close();
  });
});
