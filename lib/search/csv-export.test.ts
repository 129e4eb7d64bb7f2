import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import { saveEmail } from '../emails/email-writes';
import { saveList } from '../lists/lists';
import { csvCell, exportCsv } from './csv-export';
import { emptyQuery } from './query';

let db: CommandCenterDb;
beforeEach(() => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

describe('a CSV cell', () => {
  it('can never run as a formula, whatever it starts with', () => {
    expect(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
    ]);
  });

  it('is quoted when it holds a comma, a quote or a line break, and left alone otherwise', () => {
    expect(csvCell('Pricing, Q1')).toBe('"Pricing, Q1"');
    expect(csvCell('Say "hi"')).toBe('"Say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('Jürgen 王')).toBe('Jürgen 王');
  });
});

describe('exporting a list', () => {
  it('gives one row per member in UTF-8 with a byte-order mark, named after the list', async () => {
    await db.campaigns.put({ id: 'q4', name: 'Q4, renewals', createdAt: 0 });
    await saveEmail(
      db,
      testEmail('a', 'delivered', {
        campaignId: 'q4',
        subject: '=HYPERLINK("http://evil.example")',
        to: [{ address: 'jurgen@example.de', name: 'Jürgen Groß' }],
        sentAt: Date.UTC(2026, 10, 25, 10),
      }),
      undefined,
    );
    await saveEmail(db, testEmail('b', 'draft', { campaignId: 'other' }), undefined);
    await saveList(db, 'L1', 'Q4 – Grüße!', { ...emptyQuery(), campaigns: { ids: ['q4'] } }, 0);
    const { filename, csv, rows } = await exportCsv(db, { kind: 'list', id: 'L1' }, Date.UTC(2026, 11, 1));
    expect([filename, rows]).toEqual(['Q4-Grüße-2026-12-01.csv', 1]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFsubject,status,to,names,cc,campaign,created,sent,last activity,views,clicks,replied');
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""http://evil.example"")",delivered,jurgen@example.de,Jürgen Groß,,"Q4, renewals",1970-01-01T00:00:01.000Z,2026-11-25T10:00:00.000Z,,0,0,no`,
    );
    expect(lines).toHaveLength(3);
  });
});
