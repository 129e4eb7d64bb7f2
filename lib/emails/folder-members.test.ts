import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeTestEmails, testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import { readFolderMembers } from './folder-members';

let db: CommandCenterDb;
beforeEach(async () => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
  // 132 delivered emails (every fifth in a campaign) and a few elsewhere: "select all" in
  // Delivered once took only the 69 the list had loaded.
  await storeTestEmails(db, [
    ...Array.from({ length: 132 }, (_, n) =>
      testEmail(`d${n}`, 'delivered', {
        folderDate: 10_000 - n,
        ...(n % 5 === 0 ? { campaignId: 'c1' } : {}),
        ...(n < 7 ? { subject: `Pricing ${n}` } : {}),
      }),
    ),
    testEmail('a1', 'archived', { campaignId: 'c1' }),
    testEmail('s1', 'scheduled'),
  ]);
});
afterEach(() => db.delete());

describe('select all takes the whole folder', () => {
  it('every email of the folder, none of another, with the campaign ones marked', async () => {
    const members = await readFolderMembers(db, 'delivered');
    expect(members.ids).toHaveLength(132);
    expect(new Set(members.ids).size).toBe(132);
    expect(members.ids).not.toContain('a1');
    expect(members.campaignIds).toHaveLength(27);
    expect(members.campaignIds.every((id) => members.ids.includes(id))).toBe(true);
  });

  it('or the whole filtered result', async () => {
    const members = await readFolderMembers(db, 'delivered', 'pricing');
    expect(members.ids.sort()).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6']);
    expect(members.campaignIds.sort()).toEqual(['d0', 'd5']);
  });
});
