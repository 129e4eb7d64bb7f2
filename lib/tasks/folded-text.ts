// Reps type "Jörg", "jorg" and "JÖRG" for the same person and "Anrufen" for "anrufen", so words
// are compared case- and accent-folded. The folded text keeps a map back to what was typed, so
// every match can be highlighted where the rep typed it.

/** [start, end) in the text as typed. */
export type Span = readonly [start: number, end: number];

export interface FoldedText {
  readonly text: string;
  readonly folded: string;
  /** For each folded index (and one past the end), the index in `text` it came from. */
  readonly origin: readonly number[];
}

const MARKS = /\p{M}/gu;
const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

export function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(MARKS, '');
}

export function foldText(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = fold(char);
    for (let i = 0; i < piece.length; i++) origin.push(index);
    folded += piece;
    index += char.length;
  }
  origin.push(text.length);
  return { text, folded, origin };
}

export function isHan(char: string | undefined): boolean {
  return char !== undefined && HAN.test(char);
}

/**
 * Letters that glue into words. Chinese is written without spaces, so a Han character never
 * glues onto a Latin name ("给Dana打电话") and multi-character Han words match anywhere.
 */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char) && !isHan(char);
}

/**
 * A whole-word match: "mail" in "mail Bob", not in "Mailand". A one-character Chinese word
 * needs no other Chinese beside it ("高", not the 高 of "高伟") unless it is `glued` by nature,
 * like the 给 of "给张伟".
 */
function standsAlone(folded: string, term: string, at: number, glued: boolean): boolean {
  const before = folded[at - 1];
  const after = folded[at + term.length];
  const first = term[0];
  const last = term[term.length - 1];
  if (isWordChar(first) && isWordChar(before)) return false;
  if (isWordChar(last) && isWordChar(after)) return false;
  const singleHan = !glued && term.length === 1 && isHan(term);
  return !(singleHan && (isHan(before) || isHan(after)));
}

export interface TermMatch {
  term: string;
  span: Span;
}

/**
 * The first, then longest, whole-word occurrence of any of `terms` ("e-mail senden" before
 * "e-mail"), skipping `taken` spans that another part of the phrase already claimed.
 */
export function findFirstTerm(
  text: FoldedText,
  terms: readonly string[],
  taken: readonly Span[],
  glued = false,
): TermMatch | null {
  let best: { term: string; at: number } | null = null;
  for (const term of terms) {
    const folded = fold(term);
    for (let at = text.folded.indexOf(folded); at !== -1; at = text.folded.indexOf(folded, at + 1)) {
      if (!standsAlone(text.folded, folded, at, glued)) continue;
      if (overlapsAny(spanOf(text, at, folded.length), taken)) continue;
      if (!best || at < best.at || (at === best.at && folded.length > best.term.length)) best = { term: folded, at };
      break;
    }
  }
  return best && { term: best.term, span: spanOf(text, best.at, best.term.length) };
}

export function spanOf(text: FoldedText, at: number, length: number): Span {
  return [text.origin[at] ?? text.text.length, text.origin[at + length] ?? text.text.length];
}

export function overlapsAny(span: Span, others: readonly Span[]): boolean {
  return others.some(([start, end]) => span[0] < end && start < span[1]);
}

/** Every whole-word occurrence of `terms`, left to right, none overlapping `taken` or each other. */
export function findEveryTerm(
  text: FoldedText,
  terms: readonly string[],
  taken: readonly Span[],
  glued = false,
): TermMatch[] {
  const found: TermMatch[] = [];
  for (let match = findFirstTerm(text, terms, taken, glued); match; ) {
    found.push(match);
    match = findFirstTerm(text, terms, [...taken, ...found.map((m) => m.span)], glued);
  }
  return found;
}
