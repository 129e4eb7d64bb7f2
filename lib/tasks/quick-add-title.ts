import { fold, isHan, type Span } from './folded-text';

const EDGE_PUNCTUATION = /^[\s,;:–—\-/|，、：。]+|[\s,;:–—\-/|，、：]+$/gu;
const LEADING_PUNCTUATION = /^[\s,;:–—\-/|，、：。]+/u;
const STARTS_WITH_DIGIT = /^\p{N}/u;

interface Piece {
  text: string;
  /** Whether a cut lies right before / after it: only there can a small word be left dangling. */
  cutBefore: boolean;
  cutAfter: boolean;
}

/** The text between `cuts`, except what `kept` covers: a type word inside a date ("morgen anrufen um 9"). */
function piecesBetween(text: string, cuts: readonly Span[], kept: readonly Span[]): Piece[] {
  const within = (spans: readonly Span[], i: number) => spans.some(([start, end]) => i >= start && i < end);
  const pieces: Piece[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && (!within(cuts, i) || within(kept, i))) continue;
    if (i > from) pieces.push({ text: text.slice(from, i), cutBefore: from > 0, cutAfter: i < text.length });
    from = i + 1;
  }
  return pieces;
}

function isEdgeWord(word: string | undefined, edgeWords: readonly string[]): boolean {
  return word !== undefined && edgeWords.some((edgeWord) => fold(edgeWord) === fold(word));
}

/**
 * Drops small words a cut leaves dangling: "Tom om" once "vrijdag" is cut from "Tom om
 * vrijdag". A word before a number stays, because "às 9h" is a time nobody understood and the
 * rep should find it as typed.
 */
function trimEdgeWords({ text, cutBefore, cutAfter }: Piece, edgeWords: readonly string[]): string {
  // Punctuation after a cut belonged to what was cut ("tomorrow, Dana"); before one it stays.
  const words = (cutBefore ? text.replace(LEADING_PUNCTUATION, '') : text).split(/\s+/u).filter(Boolean);
  while (cutBefore && isEdgeWord(words[0], edgeWords) && !STARTS_WITH_DIGIT.test(words[1] ?? '')) words.shift();
  while (cutAfter && isEdgeWord(words[words.length - 1], edgeWords)) words.pop();
  let joined = words.join(' ');
  // Chinese runs together: its small words are cut as characters.
  for (const word of edgeWords.filter((w) => isHan(w[0]))) {
    if (cutBefore && joined.startsWith(word)) joined = joined.slice(word.length);
    if (cutAfter && joined.endsWith(word)) joined = joined.slice(0, -word.length);
  }
  return joined;
}

/**
 * What is left of `text` once `cuts` are removed, and with them the `edgeWords` they leave
 * dangling, joined by a space (none next to Chinese, which is written without).
 */
export function remainderOf(
  text: string,
  cuts: readonly Span[],
  edgeWords: readonly string[],
  kept: readonly Span[] = [],
): string {
  let title = '';
  for (const piece of piecesBetween(text, cuts, kept).map((p) => trimEdgeWords(p, edgeWords))) {
    if (!piece) continue;
    const glued = !title || isHan(title[title.length - 1]) || isHan(piece[0]);
    title += glued ? piece : ` ${piece}`;
  }
  return title.replace(EDGE_PUNCTUATION, '');
}
