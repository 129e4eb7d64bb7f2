import type { TaskRecord, TaskType } from '../db/records';
import { type FoldedText, findEveryTerm, findFirstTerm, fold, foldText, type Span } from './folded-text';
import { type Clock, type Due, readDate } from './quick-add-dates';
import { findKnownPerson, findNameAfter, type KnownPerson, type PersonPart } from './quick-add-people';
import { remainderOf } from './quick-add-title';
import { allOf, type LocaleWords, type QuickAddLocale, wordsFor } from './quick-add-words';

export type { Due } from './quick-add-dates';
export type { KnownPerson, PersonPart } from './quick-add-people';
export type { QuickAddLocale } from './quick-add-words';

export interface QuickAddContext extends Clock {
  locale: QuickAddLocale;
  people: readonly KnownPerson[];
}

/** What the phrase could not give; the sidebar words these in the rep's language. */
export type QuickAddNote =
  /** No due date; `text` is what looked like one ("next blursday"). */
  | { code: 'noDate'; text?: string }
  /** A due day, but the time beside it was not understood ("às 9h"). */
  | { code: 'noTime'; text: string }
  /** A second date; the first one is the due date, this one stays in the title. */
  | { code: 'extraDate'; text: string }
  /** The due date understood lies in the past: kept, never moved. */
  | { code: 'pastDate' }
  | { code: 'ambiguousPerson'; names: string[] };

export interface QuickAdd {
  title: string;
  type: TaskType;
  /** The word the type came from, as typed. */
  typeFrom?: string;
  person: PersonPart | null;
  due: Due | null;
  priority: TaskRecord['priority'];
  notes: QuickAddNote[];
  /** Where each part was read, so the preview can highlight it. */
  spans: Partial<Record<'date' | 'type' | 'priority' | 'person', Span>>;
}

function findType(text: FoldedText, words: readonly LocaleWords[], taken: readonly Span[]) {
  const types = words.flatMap((w) =>
    (Object.entries(w.type) as [TaskType, readonly string[]][]).flatMap(([type, terms]) =>
      terms.map((term) => [fold(term), type] as const),
    ),
  );
  const match = findFirstTerm(
    text,
    types.map(([term]) => term),
    taken,
  );
  const type = match && types.find(([term]) => term === match.term)?.[1];
  return match && type ? { type, span: match.span } : null;
}

/**
 * Reads a one-line task ("Call Dana tomorrow 9am high", "明天上午9点给Dana打电话"): type, person,
 * due and priority, each with where it was read. Nothing typed is lost: what is not understood
 * stays in the title and is named in `notes`, never replaced by a guess.
 */
export function parseQuickAdd(text: string, context: QuickAddContext): QuickAdd {
  const words = wordsFor(context.locale);
  const folded = foldText(text);
  const spans: QuickAdd['spans'] = {};
  const notes: QuickAddNote[] = [];

  // The rep's own people first, so a "Jan" or an "April" among them is nobody's date.
  const known = findKnownPerson(folded, context.people);
  const claimed: Span[] = known ? [known.span] : [];
  const type = findType(folded, words, claimed);
  if (type) {
    spans.type = type.span;
    claimed.push(type.span);
  }
  const high = findFirstTerm(folded, allOf(words, 'high'), claimed);
  if (high) {
    spans.priority = high.span;
    claimed.push(high.span);
  }
  const reading = readDate(text, claimed, context.locale, words, context);
  if (reading.found) spans.date = reading.found.span;

  const cuts = Object.values(spans);
  const leads = findEveryTerm(folded, allOf(words, 'beforeName'), cuts, true).map((m) => m.span);
  const person = known ?? findNameAfter(folded, type ? [type.span, ...leads] : leads, cuts);
  if (person) spans.person = person.span;

  if (!reading.found) notes.push(reading.unread[0] ? { code: 'noDate', text: reading.unread[0] } : { code: 'noDate' });
  if (reading.found?.timeNotRead) notes.push({ code: 'noTime', text: reading.found.timeNotRead });
  for (const extra of reading.extra) notes.push({ code: 'extraDate', text: extra });
  if (reading.found?.past) notes.push({ code: 'pastDate' });
  if (person?.sameName.length) notes.push({ code: 'ambiguousPerson', names: person.sameName });

  return {
    title: titleOf(text, spans, words),
    type: type?.type ?? 'custom',
    ...(type && { typeFrom: text.slice(...type.span) }),
    person: person?.person ?? null,
    due: reading.found?.due ?? null,
    priority: high ? 'high' : 'normal',
    notes,
    spans,
  };
}

/**
 * The phrase without its date and priority words, in the rep's own words and order: the type
 * word stays, so the list reads "Email Bob about pricing", "Dana anrufen", "给Dana打电话". A
 * phrase that is all date keeps its text.
 */
function titleOf(text: string, spans: QuickAdd['spans'], words: readonly LocaleWords[]): string {
  const { date, type, priority, person } = spans;
  const cuts = [date, priority].filter((s): s is Span => s !== undefined);
  const kept = [type, person].filter((s): s is Span => s !== undefined);
  return remainderOf(text, cuts, allOf(words, 'dangling'), kept) || text.trim();
}
