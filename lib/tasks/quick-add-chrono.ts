import * as de from 'chrono-node/de';
import { Chrono, casual as enCasual, GB, type ParsingResult, type Refiner } from 'chrono-node/en';
import * as nl from 'chrono-node/nl';
import * as pt from 'chrono-node/pt';
import * as sv from 'chrono-node/sv';
import * as zhHans from 'chrono-node/zh/hans';
import { findFirstTerm, foldText, isWordChar, type Span } from './folded-text';
import { allOf, type LocaleWords, type QuickAddLocale } from './quick-add-words';

// One chrono per language, built on first use: the language's own parsers first, then chrono's
// day-first English (en-GB), because reps write "morgen 9am" and every one of these languages
// writes the day before the month. Swedish in chrono 2.10.3 has no time parser at all, so its
// "kl." is handed to the English time parser as "at" (see clockAsEnglish).
const LANGUAGE_CHRONO: Record<Exclude<QuickAddLocale, 'en'>, Chrono> = {
  de: de.casual,
  nl: nl.casual,
  pt_BR: pt.casual,
  sv: sv.casual,
  zh_CN: zhHans.casual,
};
const chronos = new Map<QuickAddLocale, Chrono>();

const PARTS = ['year', 'month', 'day', 'weekday', 'hour', 'minute'] as const;
const knownParts = (result: ParsingResult) => PARTS.filter((part) => result.start.isCertain(part)).length;

/**
 * Runs before chrono's own refiners. Its patterns end words at ASCII letters, so its English
 * finds Friday ("fr") in German "früh": a date must start and end on word edges. Some parsers
 * also take the spaces before a word into its text ("   morgen" read as morning), which then
 * beats the same word read as a day only by being longer: spaces are dropped, and of two
 * readings of the same words the one that knows more comes first.
 */
const onWordEdges: Refiner = {
  refine: (context, results) =>
    results
      .filter((result) => {
        const { text } = context;
        const spaces = result.text.length - result.text.trimStart().length;
        result.index += spaces;
        result.text = result.text.slice(spaces);
        const end = result.index + result.text.length;
        const gluesBefore = isWordChar(text[result.index - 1]) && isWordChar(text[result.index]);
        const gluesAfter = isWordChar(text[end - 1]) && isWordChar(text[end]);
        return !gluesBefore && !gluesAfter;
      })
      .sort((a, b) => a.index - b.index || b.text.length - a.text.length || knownParts(b) - knownParts(a)),
};

export function chronoFor(locale: QuickAddLocale): Chrono {
  let chrono = chronos.get(locale);
  if (!chrono) {
    const own = locale === 'en' ? enCasual : LANGUAGE_CHRONO[locale];
    const english = locale === 'en' ? [] : [GB];
    chrono = new Chrono({
      parsers: [own, ...english].flatMap((c) => c.parsers),
      refiners: [onWordEdges, ...[own, ...english].flatMap((c) => c.refiners)],
    });
    chronos.set(locale, chrono);
  }
  return chrono;
}

/** Same length, so every index chrono reports still points into the text as typed. */
export function clockAsEnglish(text: string, words: readonly LocaleWords[]): string {
  let out = text;
  const taken: Span[] = [];
  for (;;) {
    const match = findFirstTerm(foldText(text), allOf(words, 'clock'), taken);
    if (!match) return out;
    const [start, end] = match.span;
    out = out.slice(0, start) + 'at'.padEnd(end - start) + out.slice(end);
    taken.push(match.span);
  }
}
