import type { EmailRecord } from '../db/records';
import { foldText, recipientsOf } from './predicate';

// The search's substring index (issue #15: "ana" finds "Dana", "北" finds "台北"). Every word of
// an email's recipients and subject is cut into the pieces starting at each of its characters,
// GRAM_LENGTH long (shorter at the word's end), under a one-letter field mark. A filter's words
// are then looked up: a word of at least GRAM_LENGTH characters by each of its pieces (every one
// must be there), a shorter one as the start of a piece. That finds a superset of the matches;
// the predicate decides.
//
// Why words and not the whole text: a run of letters in the filter can only occur inside one run
// of letters of the text, so pieces across spaces and dots are never needed, and an address
// like "dana.whitfield12@northwind.example" costs its words only. Both sides are folded with the
// predicate's own foldText before they are cut, so they cannot disagree on case or composition.

export const GRAM_LENGTH = 3;

/** Which text a piece came from: recipients (names and addresses) or the subject. */
export const PERSON_MARK = 'p';
export const SUBJECT_MARK = 's';

// Letters with their combining marks (Devanagari, Thai, Arabic vowels) and digits; the same on
// both sides, which is what makes the lookup sound.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The runs of letters and digits in folded text, each as code points (never half a surrogate pair). */
export function wordsOfFolded(folded: string): string[][] {
  return (folded.match(WORD) ?? []).map((word) => Array.from(word));
}

function addGrams(into: Set<string>, mark: string, text: unknown): void {
  if (typeof text !== 'string') return;
  for (const word of wordsOfFolded(foldText(text)))
    for (let at = 0; at < word.length; at++) into.add(mark + word.slice(at, at + GRAM_LENGTH).join(''));
}

/** The pieces an email is indexed under (`searchGrams`). */
export function textGramsOf(email: Pick<EmailRecord, 'subject' | 'to' | 'cc' | 'bcc'>): string[] {
  const grams = new Set<string>();
  for (const recipient of recipientsOf(email)) {
    addGrams(grams, PERSON_MARK, recipient.name);
    addGrams(grams, PERSON_MARK, recipient.address);
  }
  addGrams(grams, SUBJECT_MARK, email.subject);
  return [...grams];
}

/** One index lookup: emails with this exact piece, or with a piece that starts with it. */
export type GramLookup = { key: string; prefix: boolean };

/**
 * What to look up for a text filter, one list per word of the filter (an email must match every
 * lookup of every list). Empty when the filter has no letters or digits: it cannot narrow then.
 */
export function gramLookups(mark: string, filter: string): GramLookup[][] {
  return wordsOfFolded(foldText(filter)).map((word) => {
    if (word.length < GRAM_LENGTH) return [{ key: mark + word.join(''), prefix: true }];
    const lookups: GramLookup[] = [];
    for (let at = 0; at + GRAM_LENGTH <= word.length; at++)
      lookups.push({ key: mark + word.slice(at, at + GRAM_LENGTH).join(''), prefix: false });
    return lookups;
  });
}
