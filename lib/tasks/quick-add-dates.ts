import type { ParsedResult } from 'chrono-node/en';
import { findFirstTerm, fold, foldText, isWordChar, type Span } from './folded-text';
import { chronoFor, clockAsEnglish } from './quick-add-chrono';
import { allOf, type LocaleWords, type QuickAddLocale } from './quick-add-words';
import { dayKeyOf, instantOf, wallTimeAt } from './zoned-time';

/** A due date-time, or a due day without a time ("tomorrow"). */
export type Due = { kind: 'dateTime'; at: number } | { kind: 'day'; day: string };

export interface DateReading {
  found: { span: Span; due: Due; past: boolean; timeNotRead?: string } | null;
  /** Further dates the phrase names; the first one wins and these stay in the title. */
  extra: string[];
  /**
   * Text that looks like a date nobody could date: what chrono took for one ("April" alone,
   * "depois de amanhã"), or, when it found nothing, a date-starting word and the next ("next
   * blursday").
   */
  unread: string[];
}

export interface Clock {
  now: number;
  timeZone: string;
}

/** "April" alone or Swedish "övermorgon" (matched, never dated by chrono 2.10.3) is no due date. */
function knowsADay(result: ParsedResult): boolean {
  return (['day', 'weekday', 'hour'] as const).some((part) => result.start.isCertain(part));
}

function modifierBefore(text: string, index: number, words: readonly LocaleWords[]): string | null {
  const before = fold(text.slice(0, index)).trimEnd();
  const modifiers = allOf(words, 'dateModifiers').map(fold);
  return (
    modifiers.find((word) => before.endsWith(word) && !isWordChar(before[before.length - word.length - 1])) ?? null
  );
}

const FIRST_WORDS = /^\s+(\S+)(?:\s+(\S+))?/u;
const LAST_WORDS = /(?:(\S+)\s+)?(\S+)\s+$/u;
const STARTS_WITH_DIGIT = /^\p{N}/u;

/**
 * A time beside a due day that chrono did not read, as typed: "às 9h" after "amanhã" (chrono's
 * Portuguese has no "9h"). Without it the task would silently lose its time.
 */
function timeNotReadBeside(text: string, [start, end]: Span, words: readonly LocaleWords[]): string | undefined {
  const small = new Set([...allOf(words, 'dangling'), ...allOf(words, 'clock')].map(fold));
  const after = FIRST_WORDS.exec(text.slice(end));
  if (after?.[1] && STARTS_WITH_DIGIT.test(after[1])) return after[1];
  if (after?.[1] && after[2] && small.has(fold(after[1])) && STARTS_WITH_DIGIT.test(after[2]))
    return `${after[1]} ${after[2]}`;
  const before = LAST_WORDS.exec(text.slice(0, start));
  if (before?.[1] && before[2] && small.has(fold(before[1])) && STARTS_WITH_DIGIT.test(before[2]))
    return `${before[1]} ${before[2]}`;
  return undefined;
}

/**
 * chrono's Chinese and Swedish parsers count days on the machine's clock (2.10.3 reads
 * `refDate` with local getters), the others on the reference's offset. A reference whose
 * machine-local wall clock is the rep's, at the machine's own offset, makes both read the rep's
 * wall clock, whatever zone the machine is in.
 */
function referenceFor({ now, timeZone }: Clock) {
  const clock = wallTimeAt(now, timeZone);
  const instant = new Date(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return { instant, timezone: -instant.getTimezoneOffset() };
}

function dueOf(result: ParsedResult, clock: Clock, reference: Date): Due {
  const start = result.start;
  const part = (name: 'year' | 'month' | 'day' | 'hour' | 'minute') => start.get(name) ?? 0;
  if (start.isCertain('timezoneOffset')) {
    // "in 2 hours" counts real time from the reference; "3pm CET" names its own zone.
    const at = start.date().getTime();
    const relative = result.tags().has('result/relativeDate');
    return { kind: 'dateTime', at: relative ? clock.now + (at - reference.getTime()) : at };
  }
  if (!start.isCertain('hour'))
    return {
      kind: 'day',
      day: `${String(part('year')).padStart(4, '0')}-${String(part('month')).padStart(2, '0')}-${String(part('day')).padStart(2, '0')}`,
    };
  const wallClock = {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
  return { kind: 'dateTime', at: instantOf(wallClock, clock.timeZone) };
}

function isPast(due: Due, { now, timeZone }: Clock): boolean {
  return due.kind === 'dateTime' ? due.at < now : due.day < dayKeyOf(now, timeZone);
}

/** Same length, so chrono's indexes still point into the phrase as typed. */
function blankOut(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const [start, end] of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

/**
 * chrono's "an Montag" reaches over a blanked name to its "an" ("Angebot an Dana nächsten
 * Montag"): the date keeps its value but gives back what lies on its near side of the name.
 */
function clipped(span: Span, claimed: readonly Span[], text: string, words: readonly LocaleWords[]): Span {
  const small = new Set([...allOf(words, 'dangling'), ...allOf(words, 'beforeName')].map(fold));
  const onlySmall = (from: number, to: number) => {
    const between = fold(text.slice(from, to)).trim();
    return !between || small.has(between);
  };
  let [start, end] = span;
  for (const [from, to] of [...claimed].sort((a, b) => a[0] - b[0])) {
    if (from < end && to > start && onlySmall(start, from)) start = Math.max(start, to);
    if (from < end && to > start && onlySmall(to, end)) end = Math.min(end, from);
  }
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return [start, end];
}

/**
 * Finds the due date in `text`, outside the parts `claimed` by the person, type and priority.
 * chrono reads wall clocks at one fixed offset; the wall clock it returns is turned into an
 * instant with the rep's zone's own rules, so "tomorrow 9am" the night clocks change is 9:00.
 */
export function readDate(
  text: string,
  claimed: readonly Span[],
  locale: QuickAddLocale,
  words: readonly LocaleWords[],
  clock: Clock,
): DateReading {
  const chrono = chronoFor(locale);
  const input = clockAsEnglish(blankOut(text, claimed), words);
  const reference = referenceFor(clock);
  // forwardDate makes "Friday" the coming one, but it also lets chrono's English read any bare
  // "9h" or "30 days" as "in 9 hours"/"in 30 days": keep only what it finds without the option.
  const plain = new Set(chrono.parse(input, reference).map((r) => `${r.index}:${r.text}`));
  const results = chrono
    .parse(input, reference, { forwardDate: true })
    .filter((r) => plain.has(`${r.index}:${r.text}`));
  const reading: DateReading = { found: null, extra: [], unread: [] };
  for (const result of results) {
    const span = clipped([result.index, result.index + result.text.length], claimed, text, words);
    const start = span[0];
    const typed = text.slice(...span);
    const modifier = modifierBefore(text, start, words);
    if (modifier || !knowsADay(result)) {
      reading.unread.push(modifier ? `${modifier} ${typed}` : typed);
    } else if (reading.found) {
      reading.extra.push(typed);
    } else {
      const due = dueOf(result, clock, reference.instant);
      const timeNotRead = due.kind === 'day' ? timeNotReadBeside(text, span, words) : undefined;
      reading.found = { span, due, past: isPast(due, clock), ...(timeNotRead && { timeNotRead }) };
    }
  }
  if (!reading.found && reading.unread.length === 0) {
    const fragment = dateLikeFragment(text, words);
    if (fragment) reading.unread.push(fragment);
  }
  return reading;
}

const NEXT_WORD = /^\s*(\p{Script=Han}|[^\s\p{Script=Han}]+)/u;

function dateLikeFragment(text: string, words: readonly LocaleWords[]): string | null {
  const start = findFirstTerm(foldText(text), allOf(words, 'dateStarts'), []);
  if (!start) return null;
  const next = NEXT_WORD.exec(text.slice(start.span[1]));
  return next ? text.slice(start.span[0], start.span[1] + next[0].length) : null;
}
