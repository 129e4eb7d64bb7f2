import type { Transaction } from 'dexie';
import { problemWith } from '../emails/email-row';
import { gramsRowOf, searchTextOf } from '../search/search-keys';
import type { EmailGramsRecord, EmailRecord } from './records';

// The v9 upgrade: the search's substring pieces leave the email rows for `emailGrams`, cut
// afresh from each row's text (whatever v7 left), and each row notes the text they came from.
// A damaged row is left as it was, for the periodic check to show (it is never a result).

const PAGE = 2_000;

export async function moveGramsApart(tx: Transaction): Promise<void> {
  const emails = tx.table<EmailRecord & { searchGrams?: string[] }, string>('emails');
  const grams = tx.table<EmailGramsRecord, string>('emailGrams');
  let after: string | undefined;
  for (;;) {
    const page = await (after === undefined ? emails.toCollection() : emails.where(':id').above(after))
      .limit(PAGE)
      .toArray();
    if (page.length === 0) return;
    const sound = page.filter((email) => problemWith(email) === undefined);
    for (const email of sound) {
      delete email.searchGrams;
      email.searchText = searchTextOf(email);
    }
    await grams.bulkPut(sound.map(gramsRowOf));
    await emails.bulkPut(sound);
    after = page[page.length - 1]!.id;
  }
}
