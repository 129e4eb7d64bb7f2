import type { MessageKey } from '../../lib/i18n/t';
import type { DateField, SearchQuery } from '../../lib/search/query';

// The search builder's edits as plain functions of the query: a control that is emptied takes
// its filter out (an absent filter matches everything), so the query stays what the rep sees.

/** The parts of the sentence, each one control (or a pair) the builder can point at. */
export type QueryPart =
  | 'statuses'
  | 'campaigns'
  | 'viewed'
  | 'clicked'
  | 'replied'
  | 'trustedOnly'
  | 'dates'
  | 'person'
  | 'domain'
  | 'subject'
  | 'minViews'
  | 'minClicks'
  | 'sort';

type Optional = 'statuses' | 'campaigns' | 'dates' | 'person' | 'domain' | 'subject' | 'minViews' | 'minClicks';

/** The query with one optional filter set, or taken out when `value` is undefined. */
export function withPart<K extends Optional>(query: SearchQuery, part: K, value: SearchQuery[K] | undefined) {
  const next = { ...query };
  if (value === undefined) delete next[part];
  else next[part] = value;
  return next;
}

/** A text filter as typed: blank takes it out; the text is kept as typed (the check trims it). */
export function textValue(typed: string): string | undefined {
  return typed.trim() === '' ? undefined : typed;
}

/** A minimum as typed: blank takes it out; anything else is kept, so "-1" is named as wrong. */
export function countValue(typed: string): number | undefined {
  if (typed.trim() === '') return undefined;
  const value = Number(typed);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** `YYYY-MM-DD` of a date input as a time in the rep's zone: the start of that day, or its end. */
export function dayToTime(day: string, edge: 'start' | 'end'): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [, year, month, date] = match.map(Number) as [number, number, number, number];
  const start = new Date(year, month - 1, date);
  start.setFullYear(year);
  if (edge === 'start') return start.getTime();
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.getTime() - 1;
}

/** The day a stored time falls on in the rep's zone, for a date input. */
export function timeToDay(time: number | undefined): string {
  if (time === undefined || !Number.isFinite(time)) return '';
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The date range with one end changed; no date field means no range at all. */
export function withDates(
  query: SearchQuery,
  change: { field?: DateField | ''; from?: string; to?: string },
): SearchQuery {
  const field = change.field ?? query.dates?.field ?? '';
  if (field === '') return withPart(query, 'dates', undefined);
  const from = 'from' in change ? dayToTime(change.from ?? '', 'start') : query.dates?.from;
  const to = 'to' in change ? dayToTime(change.to ?? '', 'end') : query.dates?.to;
  return withPart(query, 'dates', {
    field,
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  });
}

/** Which part a check's field names ("dates.from" is the date range), and what to tell the rep. */
export function problemOf(field: string): { part: QueryPart | undefined; message: MessageKey } {
  const [head, tail] = field.split('.');
  switch (head) {
    case 'dates':
      return { part: 'dates', message: tail ? 'searchProblemDateRange' : 'searchProblemDateOrder' };
    case 'minViews':
    case 'minClicks':
      return { part: head, message: 'searchProblemCount' };
    case 'person':
    case 'domain':
    case 'subject':
      return { part: head, message: 'searchProblemText' };
    case 'statuses':
    case 'campaigns':
    case 'viewed':
    case 'clicked':
    case 'replied':
    case 'trustedOnly':
    case 'sort':
      return { part: head, message: 'searchProblemOther' };
    default:
      return { part: undefined, message: 'searchProblemOther' };
  }
}
