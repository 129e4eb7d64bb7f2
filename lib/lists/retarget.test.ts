import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import { saveEmail } from '../emails/email-writes';
import { emptyQuery } from '../search/query';
import { applyServerEvent } from '../tracking/apply-event';
import { saveList } from './lists';
import { RETARGET_MAX, retargetChoices, retargetRecipients, searchRecipients } from './retarget';

let db: CommandCenterDb;
beforeEach(() => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const NOW = Date.UTC(2026, 10, 25, 10);
const all = { ...emptyQuery(), campaigns: { ids: ['q4'] } };

async function email(id: string, address: string, name?: string) {
  await saveEmail(
    db,
    testEmail(id, 'delivered', {
      campaignId: 'q4',
      to: [{ address, ...(name ? { name } : {}) }],
      folderDate: NOW - Number(id.slice(1)),
    }),
    undefined,
  );
}

describe('retargeting a list', () => {
  it('gives each valid address once, leaves out who bounced or complained, and says how many and why', async () => {
    await email('e1', 'dana@northwind.example', 'Dana Whitfield');
    await email('e2', 'DANA@northwind.example');
    await email('e3', 'not-an-address');
    await email('e4', 'gone@northwind.example');
    await email('e5', 'angry@northwind.example');
    await email('e6', 'ann@sable.example');
    await applyServerEvent(db, {
      cursor: '1',
      messageId: 'e4',
      type: 'bounce',
      at: new Date(NOW).toISOString(),
      classification: null,
      reason: 'bounce: hard bounce, userUnknown (5.1.1)',
      reasonCode: 'bounce.hardReason',
      reasonParams: { reason: 'userUnknown', status: '5.1.1' },
      recipient: 'gone@northwind.example',
    });
    await applyServerEvent(db, {
      cursor: '2',
      messageId: 'e5',
      type: 'complaint',
      at: new Date(NOW).toISOString(),
      classification: null,
      reason: 'complaint: marked as spam (ARF abuse report)',
      reasonCode: 'complaint.arf',
    });
    await saveList(db, 'L1', 'Q4', all, NOW);
    const result = await retargetRecipients(db, 'L1');
    expect(result).toEqual({
      recipients: [{ address: 'dana@northwind.example', name: 'Dana Whitfield' }, { address: 'ann@sable.example' }],
      skipped: { invalid: 1, duplicate: 1, bounced: 1, complained: 1, overLimit: 0 },
      field: 'to',
    });
    expect(await retargetChoices(db)).toEqual([{ id: 'L1', name: 'Q4', count: 6, addresses: 2 }]);
  });

  it('goes to Bcc beyond a handful, and stops at what a compose field holds', async () => {
    for (let i = 1; i <= RETARGET_MAX + 3; i++) await email(`e${i}`, `p${i}@northwind.example`);
    await saveList(db, 'L1', 'Q4', all, NOW);
    const result = await retargetRecipients(db, 'L1');
    expect([result.recipients.length, result.skipped.overLimit, result.field]).toEqual([RETARGET_MAX, 3, 'bcc']);
  });
});

describe('retargeting a search', () => {
  it('gives the recipients of its results, and refuses a query that is not valid, naming the field', async () => {
    await email('e1', 'dana@northwind.example', 'Dana Whitfield');
    await email('e2', 'ann@sable.example');
    const result = await searchRecipients(db, { ...all, person: 'dana' });
    expect(result.recipients).toEqual([{ address: 'dana@northwind.example', name: 'Dana Whitfield' }]);
    await expect(searchRecipients(db, { ...all, minClicks: -1 })).rejects.toThrow(/minClicks/);
  });
});
