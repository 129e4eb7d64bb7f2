import { afterEach, describe, expect, it } from 'vitest';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import type { EmailRecord } from '../db/records';
import { deleteEmails, restoreEmails } from '../emails/actions';
import { saveEmail } from '../emails/email-writes';
import { searchEmails, searchIds } from './evaluate';
import { checkQuery, type SearchQueryInput } from './query';
import { runSearch } from './run-search';

let db: CommandCenterDb;
afterEach(() => db?.delete());

async function mailbox(emails: EmailRecord[]) {
  db = new CommandCenterDb(`search-${crypto.randomUUID()}`);
  for (const email of emails) await saveEmail(db, email, undefined);
}

const to = (name: string, address: string) => ({ to: [{ name, address }] });

function query(input: Omit<SearchQueryInput, 'version'>) {
  const checked = checkQuery({ version: 1, ...input });
  if (!checked.ok) throw new Error(JSON.stringify(checked));
  return checked.query;
}

describe('the substring index follows the text, not the engagement', () => {
  it('finds an email by its new subject and recipient after they change, never by the old ones', async () => {
    await mailbox([
      testEmail('dana', 'delivered', { subject: 'Proposal', ...to('Dana Whitfield', 'dw@northwind.example') }),
    ]);
    const stored = (await db.emails.get('dana'))!;
    await saveEmail(
      db,
      { ...stored, subject: 'Renewal', to: [{ name: 'Kenji Sato', address: 'ks@lumen.example' }] },
      stored,
    );
    expect(await searchIds(db, query({ subject: 'newa' }))).toEqual(['dana']);
    expect(await searchIds(db, query({ person: 'enji' }))).toEqual(['dana']);
    expect(await searchIds(db, query({ subject: 'posa' }))).toEqual([]);
    expect(await searchIds(db, query({ person: 'ana' }))).toEqual([]);
  });

  it('leaves the pieces alone when a view changes only the counts', async () => {
    const viewed = {
      views: 1,
      clicks: 0,
      replied: false,
      machineViews: 0,
      machineClicks: 0,
      trustedViews: 1,
      trustedClicks: 0,
    };
    await mailbox([
      testEmail('dana', 'delivered', { ...to('Dana Whitfield', 'dw@northwind.example'), engagement: viewed }),
    ]);
    // A marker on the stored pieces: a write that rewrote them would drop it.
    await db.emailSearch.update('dana', { grams: [...(await db.emailSearch.get('dana'))!.grams, 'pmarker'] });
    const stored = (await db.emails.get('dana'))!;
    // A second view: what kind of engagement it has (viewed, not clicked) stays the same.
    await saveEmail(db, { ...stored, engagement: { ...stored.engagement, views: 2, trustedViews: 2 } }, stored);
    expect((await db.emailSearch.get('dana'))!.grams).toContain('pmarker');
    // A first click changes it: the row is made afresh (and the marker goes).
    const again = (await db.emails.get('dana'))!;
    await saveEmail(db, { ...again, engagement: { ...again.engagement, clicks: 1, trustedClicks: 1 } }, again);
    expect((await db.emailSearch.get('dana'))!.grams).not.toContain('pmarker');
    expect(await searchIds(db, query({ person: 'ana', clicked: 'yes' }))).toEqual(['dana']);
    expect(await searchIds(db, query({ person: 'ana', viewed: 'yes' }))).toEqual(['dana']);
  });

  it('forgets the pieces of a deleted email, and cuts them again when it is restored', async () => {
    await mailbox([testEmail('dana', 'delivered', to('Dana Whitfield', 'dw@northwind.example'))]);
    await deleteEmails(db, ['dana'], 'delivered');
    expect(await db.emailSearch.get('dana')).toBeUndefined();
    await restoreEmails(db, ['dana']);
    expect(await searchIds(db, query({ person: 'ana' }))).toEqual(['dana']);
  });
});

describe('searching for text inside words, in any script', () => {
  it('finds "ana" in Dana, "北" in 台北, "ова" in Петрова and a decomposed "zoë" in Zoë', async () => {
    await mailbox([
      testEmail('dana', 'delivered', to('Dana Whitfield', 'dw@northwind.example')),
      testEmail('taipei', 'delivered', to('陳台北', 'chen@example.tw')),
      testEmail('petrova', 'delivered', to('Анна Петрова', 'anna@example.ru')),
      testEmail('zoe', 'delivered', to('Zoë Ångström', 'z@bücher.example')),
      testEmail('kenji', 'delivered', to('Kenji Sato', 'kenji@lumen.example')),
    ]);
    expect(await searchIds(db, query({ person: 'ana' }))).toEqual(['dana']);
    expect(await searchIds(db, query({ person: '北' }))).toEqual(['taipei']);
    expect(await searchIds(db, query({ person: 'ОВА' }))).toEqual(['petrova']);
    expect(await searchIds(db, query({ person: 'zoe\u0308' }))).toEqual(['zoe']);
    // Across a space and a dot: pieces of two words, still found (and only there).
    expect(await searchIds(db, query({ person: 'na whit' }))).toEqual(['dana']);
    expect(await searchIds(db, query({ person: 'ücher.ex' }))).toEqual(['zoe']);
  });

  it('finds filters shorter than a piece, and ones with no letters at all', async () => {
    await mailbox([
      testEmail('a', 'delivered', { subject: 'Re: Q1', ...to('Li', 'li@example.com') }),
      testEmail('b', 'delivered', { subject: 'Pricing', ...to('Bo', 'bo@example.com') }),
    ]);
    expect(await searchIds(db, query({ person: 'i' }))).toEqual(['a']);
    expect(await searchIds(db, query({ subject: 'q1' }))).toEqual(['a']);
    // ":" has no letters or digits: no index narrows it, the predicate alone decides.
    expect(await searchIds(db, query({ subject: ':' }))).toEqual(['a']);
  });

  it('looks at Cc and Bcc too, and at the subject only for a subject filter', async () => {
    await mailbox([
      testEmail('cc', 'delivered', { subject: 'Hello', cc: [{ address: 'hannah@copperleaf.example' }] }),
      testEmail('subject', 'delivered', { subject: 'Hannah’s pricing' }),
    ]);
    expect(await searchIds(db, query({ person: 'hanna' }))).toEqual(['cc']);
    expect(await searchIds(db, query({ subject: 'hanna' }))).toEqual(['subject']);
    expect(await searchIds(db, query({ domain: 'copperleaf.example' }))).toEqual(['cc']);
  });
});

describe('campaign and activity filters', () => {
  const engaged = (views: number, clicks: number, replied = false) => ({
    engagement: {
      views,
      clicks,
      replied,
      machineViews: 0,
      machineClicks: 0,
      trustedViews: views,
      trustedClicks: clicks,
    },
  });

  it('finds "campaign X, viewed, clicked, not replied", most engaged first', async () => {
    await mailbox([
      testEmail('one-click', 'delivered', { campaignId: 'x', ...engaged(1, 1) }),
      testEmail('three-clicks', 'delivered', { campaignId: 'x', ...engaged(2, 3) }),
      testEmail('replied', 'delivered', { campaignId: 'x', ...engaged(2, 2, true) }),
      testEmail('only-viewed', 'delivered', { campaignId: 'x', ...engaged(4, 0) }),
      testEmail('other-campaign', 'delivered', { campaignId: 'y', ...engaged(2, 2) }),
      testEmail('no-campaign', 'delivered', engaged(2, 2)),
    ]);
    const q = query({ campaigns: { ids: ['x'] }, viewed: 'yes', clicked: 'yes', replied: 'no', sort: 'mostEngaged' });
    expect(await searchIds(db, q)).toEqual(['three-clicks', 'one-click']);
    expect(await searchIds(db, query({ campaigns: { ids: [], none: true }, clicked: 'yes' }))).toEqual(['no-campaign']);
    const page = await searchEmails(db, q, { offset: 1, limit: 10 });
    expect({ total: page.total, ids: page.rows.map((row) => row.id) }).toEqual({ total: 2, ids: ['one-click'] });
  });

  it('does not count a scanner’s click when only trustworthy signals count', async () => {
    await mailbox([
      testEmail('scanned', 'delivered', {
        engagement: { views: 0, clicks: 0, replied: false, machineViews: 0, machineClicks: 1 },
      }),
    ]);
    expect(await searchIds(db, query({ clicked: 'yes' }))).toEqual([]);
    expect(await searchIds(db, query({ clicked: 'yes', trustedOnly: false }))).toEqual(['scanned']);
  });
});

describe('an invalid query', () => {
  it.each([
    [
      'the end before the start',
      { dates: { field: 'sent', from: Date.UTC(2026, 1, 1), to: Date.UTC(2026, 0, 1) } },
      'dates',
    ],
    ['a minimum of −1 views', { minViews: -1 }, 'minViews'],
    ['a field no version knows', { colour: 'red' }, 'colour'],
  ])('never runs and names the field: %s', async (_, wrong, field) => {
    db = new CommandCenterDb(`search-${crypto.randomUUID()}`);
    // Touching the emails fails the test: the query must be refused before the database is asked.
    Object.defineProperty(db, 'emails', { get: () => expect.unreachable('an invalid query read the emails') });
    const result = await runSearch(db, { version: 1, ...wrong }, 0, 50);
    expect(result).toMatchObject({ ok: false, problem: 'invalid', field });
  });

  it('from a newer version is kept as it is and not run', async () => {
    db = new CommandCenterDb(`search-${crypto.randomUUID()}`);
    expect(await runSearch(db, { version: 2, mood: 'happy' }, 0, 50)).toEqual({
      ok: false,
      problem: 'newer',
      version: 2,
    });
  });
});
