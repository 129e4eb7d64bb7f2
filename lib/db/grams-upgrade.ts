import type { Transaction } from 'dexie';
import { problemWith } from '../emails/email-row';
import { gramsRowOf, searchTextOf } from '../search/search-keys';
import type { EmailGramsRecord, EmailRecord } from './records';

// The v9 upgrade: the text indexes (the search's substring pieces, the quick filter's words)
// leave the email rows for `emailGrams`, made afresh from each row's text (whatever v7 left), and
// each row notes the text they came from.
// A damaged row is left as it was, for the periodic check to show (it is never a result), but
// for its campaign and activity key, which only sound rows have now.

const PAGE = 2_000;

export async function moveGramsApart(tx: Transaction): Promise<void> {
  const emails = tx.table<EmailRecord & { searchGrams?: string[]; searchWords?: string[] }, string>('emails');
  const grams = tx.table<EmailGramsRecord, string>('emailGrams');
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
    for (const email of sound) {
      delete email.searchGrams;
      delete email.searchWords;
      email.searchText = searchTextOf(email);
    }
    await grams.bulkPut(sound.map(gramsRowOf));
    await emails.bulkPut([...sound, ...damaged]);
    after = page[page.length - 1]!.id;
  }
}
