import type { Transaction } from 'dexie';
import { problemWith } from '../emails/email-row';
import { searchRowOf, withSearchKeys } from '../search/search-keys';
import type { EmailRecord, EmailSearchRecord } from './records';

// The v9 upgrade: the text indexes (the search's substring pieces, the quick filter's words)
// leave the email rows for their search rows (`emailSearch`, lib/search/search-keys.ts), made
// afresh from each row (whatever v7 left), and each row notes what its search row came from.
// A damaged row is left as it was, for the periodic check to show (it is never a result), but
// for its campaign and activity key, which only sound rows have now.

const PAGE = 2_000;

export async function buildSearchRows(tx: Transaction): Promise<void> {
  const emails = tx.table<EmailRecord & { searchGrams?: string[]; searchWords?: string[] }, string>('emails');
  const searchRows = tx.table<EmailSearchRecord, string>('emailSearch');
  let after: string | undefined;
  for (;;) {
    const page = await (after === undefined ? emails.toCollection() : emails.where(':id').above(after))
      .limit(PAGE)
      .toArray();
    if (page.length === 0) return;
    const sound = page.filter((email) => problemWith(email) === undefined);
    // A damaged row keeps everything but its campaign and activity key (search-keys.ts).
    const damaged = page.filter((email) => problemWith(email) !== undefined && 'searchFacet' in email);
    for (const email of damaged) delete email.searchFacet;
    const keyed = sound.map((email) => {
      const { searchGrams: _grams, searchWords: _words, ...rest } = email;
      return withSearchKeys(rest);
    });
    await searchRows.bulkPut(keyed.map(searchRowOf));
    await emails.bulkPut([...keyed, ...damaged]);
    after = page[page.length - 1]!.id;
  }
}
