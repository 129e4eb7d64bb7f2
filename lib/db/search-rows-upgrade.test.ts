import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { oldEmailRow } from '../../tests/support/old-email-rows';
import { searchIdsFor } from '../../tests/support/search-ids';
import { findByWords } from '../emails/folder-page';
import { searchWordsOf } from '../emails/search-words';
import { textGramsOf } from '../search/text-grams';
import { CommandCenterDb } from './database';

const name = `grams-upgrade-${crypto.randomUUID()}`;
afterEach(() => Dexie.delete(name));

// The emails table exactly as version 8 left it: the pieces on the row, under *searchGrams.
const V8 = {
  emails:
    'id, status, [status+folderDate], campaignId, *personIds, *searchWords, createdAt, statusAt, ' +
    '*searchGrams, searchFacet, sentAt, scheduledAt, failedAt, engagement.lastActivityAt, *lists, *newIn',
  events: '++id, emailId, [emailId+at], at, &serverCursor',
  counters: 'id',
  savedSearches: 'id, name',
};

/** A row as v8 left it: the search keys and a list on the row, the pieces under *searchGrams. */
function v8Email(id: string, name: string, subject: string) {
  const email = {
    ...oldEmailRow(id, { name, subject, engagement: { views: 1, trustedViews: 1 } }),
    searchFacet: [5, ''],
    lists: ['L1'],
  };
  return { ...email, searchGrams: textGramsOf(email), searchWords: searchWordsOf(email) };
}

const run = searchIdsFor;

describe('the v9 upgrade (the text indexes in their own table)', () => {
  it('moves every sound row’s pieces and words apart, keeps the rest of the row, and leaves a damaged row alone', async () => {
    const v8 = new Dexie(name);
    v8.version(8).stores(V8);
    const rows = [v8Email('dana', 'Dana Whitfield', 'Proposal'), v8Email('chen', '陳台北', 'Renewal for Kenji')];
    await v8.table('emails').bulkPut([...rows, { id: 'damaged', status: 'delivered' }]);
    v8.close();

    const db = new CommandCenterDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(9);
    const dana = await db.emails.get('dana');
    expect(dana).not.toHaveProperty('searchGrams');
    expect(dana).not.toHaveProperty('searchWords');
    expect(dana).toMatchObject({ subject: 'Proposal', lists: ['L1'], engagement: { trustedViews: 1 } });
    expect((await db.emailSearch.get('dana'))?.grams.sort()).toEqual(rows[0]!.searchGrams.sort());
    expect(await db.emails.get('damaged')).toEqual({ id: 'damaged', status: 'delivered' });
    expect(await db.emailSearch.get('damaged')).toBeUndefined();
    // The search reads them there at once: inner substrings, any script.
    expect(await run(db, { version: 1, person: 'ana' })).toEqual(['dana']);
    expect(await run(db, { version: 1, person: '北' })).toEqual(['chen']);
    expect(await run(db, { version: 1, subject: 'enji' })).toEqual(['chen']);
    // And the quick filter its words.
    expect((await findByWords(db, 'delivered', ['whit'])).map((email) => email.id)).toEqual(['dana']);
    db.close();
  });
});
