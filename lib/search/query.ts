import * as v from 'valibot';
import { EMAIL_STATUSES } from '../emails/status';

// A search over the rep's emails (issue #15): typed, versioned and serialisable, so a list saved
// today still opens after an upgrade, and one saved by a newer version is kept, not lost. Every
// filter is optional and they combine with AND; an absent filter matches everything.

export const QUERY_VERSION = 1;

/** yes / no / either, for viewed, clicked and replied. */
export const TRI_STATES = ['yes', 'no', 'either'] as const;
export type TriState = (typeof TRI_STATES)[number];

/** Which of an email's dates a date range is on. */
export const DATE_FIELDS = ['created', 'sent', 'scheduled', 'failed', 'lastActivity'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

export const SORT_ORDERS = ['mostEngaged', 'lastActivity', 'date'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Longest text a text filter takes: a person, a domain or a subject, never a document. */
export const TEXT_FILTER_MAX = 200;
const TIME_MIN = Date.UTC(2000, 0, 1);
const TIME_MAX = Date.UTC(2100, 0, 1);

const text = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(TEXT_FILTER_MAX));
const time = v.pipe(v.number(), v.integer(), v.minValue(TIME_MIN), v.maxValue(TIME_MAX));
const atLeast = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export const searchQuerySchema = v.pipe(
  v.strictObject({
    version: v.literal(QUERY_VERSION),
    /** Any of these statuses (folders); absent: every folder. */
    statuses: v.optional(v.pipe(v.array(v.picklist(EMAIL_STATUSES)), v.minLength(1))),
    /** In any of these campaigns, or (`none`) in no campaign at all; absent: any. */
    campaigns: v.optional(
      v.pipe(
        v.strictObject({ ids: v.pipe(v.array(id), v.maxLength(500)), none: v.optional(v.boolean()) }),
        v.check((c) => c.ids.length > 0 || c.none === true, 'name a campaign, or "no campaign"'),
      ),
    ),
    viewed: v.optional(v.picklist(TRI_STATES), 'either'),
    clicked: v.optional(v.picklist(TRI_STATES), 'either'),
    replied: v.optional(v.picklist(TRI_STATES), 'either'),
    /** Views and clicks of people and their mail apps' proxies only: self, prefetch, scanner and unknown do not count. */
    trustedOnly: v.optional(v.boolean(), true),
    dates: v.optional(
      v.pipe(
        v.strictObject({ field: v.picklist(DATE_FIELDS), from: v.optional(time), to: v.optional(time) }),
        v.check((d) => d.from === undefined || d.to === undefined || d.from <= d.to, 'the end is before the start'),
      ),
    ),
    /** A recipient whose name or address contains this. */
    person: v.optional(text),
    /** A recipient at this domain or one under it ("northwind.example" takes "eu.northwind.example"). */
    domain: v.optional(text),
    subject: v.optional(text),
    minViews: v.optional(atLeast),
    minClicks: v.optional(atLeast),
    sort: v.optional(v.picklist(SORT_ORDERS), 'date'),
  }),
);

export type SearchQuery = v.InferOutput<typeof searchQuerySchema>;
/** A query as written (defaults not yet filled in). */
export type SearchQueryInput = v.InferInput<typeof searchQuerySchema>;

export type QueryCheck =
  | { ok: true; query: SearchQuery }
  /** `field` names what is wrong ("dates", "minViews"…), for the filter builder to point at. */
  | { ok: false; problem: 'invalid'; field: string; message: string }
  /** Saved by a newer version of the extension: kept as it is, shown with a note, never run. */
  | { ok: false; problem: 'newer'; version: number };

/** Checks a query from anywhere (a saved list, the sidebar, an imported file) and says what is wrong. */
export function checkQuery(input: unknown): QueryCheck {
  const version = (input as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > QUERY_VERSION)
    return { ok: false, problem: 'newer', version };
  const result = v.safeParse(searchQuerySchema, input);
  if (result.success) return { ok: true, query: result.output };
  const issue = result.issues[0];
  const field = issue.path?.map((step) => String(step.key)).join('.') || 'query';
  return { ok: false, problem: 'invalid', field, message: issue.message };
}

/** The query that matches every email: where a new search starts. */
export function emptyQuery(): SearchQuery {
  return {
    version: QUERY_VERSION,
    viewed: 'either',
    clicked: 'either',
    replied: 'either',
    trustedOnly: true,
    sort: 'date',
  };
}
