import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import { readFolderWindow } from './folder-window';

let db: CommandCenterDb;
beforeEach(async () => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
  // 60 delivered emails; every third shares its date with the next (ties), plus other folders.
  await db.emails.bulkPut([
    ...Array.from({ length: 60 }, (_, n) =>
      testEmail(`d${String(n).padStart(2, '0')}`, 'delivered', { folderDate: 1_000 - Math.floor(n / 2) }),
    ),
    testEmail('x', 'draft', { folderDate: 5_000 }),
  ]);
});
afterEach(() => db.delete());

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

describe('folder windows', () => {
  it('read from an anchor the same rows as from the top, ties included', async () => {
    const all = await readFolderWindow(db, 'delivered', 0, 60);
    for (const anchorAt of [0, 1, 2, 9, 30, 57]) {
      const anchorRow = all[anchorAt]!;
      for (const offset of [anchorAt + 1, anchorAt + 2, anchorAt + 3]) {
        const anchored = await readFolderWindow(db, 'delivered', offset, 5, {
          offset: anchorAt,
          folderDate: anchorRow.folderDate,
          id: anchorRow.id,
        });
        expect(ids(anchored), `anchor ${anchorAt}, offset ${offset}`).toEqual(ids(all.slice(offset, offset + 5)));
      }
    }
  });

  it('falls back to counting from the top when the anchor moved meanwhile', async () => {
    const all = await readFolderWindow(db, 'delivered', 0, 60);
    const anchorRow = all[10]!;
    await db.emails.update(anchorRow.id, { status: 'archived' });
    const fresh = await readFolderWindow(db, 'delivered', 0, 60);
    const page = await readFolderWindow(db, 'delivered', 20, 5, {
      offset: 10,
      folderDate: anchorRow.folderDate,
      id: anchorRow.id,
    });
    expect(ids(page)).toEqual(ids(fresh.slice(20, 25)));
  });

  it('list Scheduled soonest first (what goes out next on top), from the top and from anchors alike', async () => {
    await db.emails.bulkPut(
      Array.from({ length: 30 }, (_, n) =>
        testEmail(`s${String(n).padStart(2, '0')}`, 'scheduled', { folderDate: 2_000 + Math.floor(n / 3) * 10 }),
      ),
    );
    const all = await readFolderWindow(db, 'scheduled', 0, 30);
    const dates = all.map((row) => row.folderDate);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(all[0]!.folderDate).toBe(2_000);
    for (const anchorAt of [0, 1, 2, 13, 26]) {
      const anchorRow = all[anchorAt]!;
      for (const offset of [anchorAt + 1, anchorAt + 2, anchorAt + 3]) {
        const anchored = await readFolderWindow(db, 'scheduled', offset, 4, {
          offset: anchorAt,
          folderDate: anchorRow.folderDate,
          id: anchorRow.id,
        });
        expect(ids(anchored), `anchor ${anchorAt}, offset ${offset}`).toEqual(ids(all.slice(offset, offset + 4)));
      }
    }
  });
});
