import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import { runMaintenance } from './maintenance';

let db: CommandCenterDb;
beforeEach(() => {
  db = new CommandCenterDb(`maintenance-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1);

describe('maintenance', () => {
  it('empties the trash of emails deleted over 30 days ago, with their events, and keeps the rest', async () => {
    await db.trash.bulkPut([
      { ...testEmail('old', 'delivered'), deletedAt: NOW - 31 * DAY },
      { ...testEmail('recent', 'delivered'), deletedAt: NOW - 2 * DAY },
    ]);
    const view = (emailId: string, at: number) => ({
      emailId,
      type: 'view' as const,
      at,
      classification: 'human' as const,
      reason: '',
    });
    await db.events.bulkAdd([view('old', 1), view('old', 2), view('recent', 3), view('kept', 4)]);
    await runMaintenance(db, NOW);
    expect(await db.trash.toCollection().primaryKeys()).toEqual(['recent']);
    expect((await db.events.toArray()).map((event) => event.emailId).sort()).toEqual(['kept', 'recent']);
  });
});
