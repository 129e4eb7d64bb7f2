import Dexie, { type Collection, type InsertType } from 'dexie';
import type { CommandCenterDb } from '../db/database';
import type { EmailRecord } from '../db/records';
import { activitiesFor, asksNothingOfActivity, NO_CAMPAIGN_KEY } from './activity-facet';
import type { DateField, SearchQuery } from './query';
import { type GramLookup, gramLookups, PERSON_MARK, SUBJECT_MARK } from './text-grams';

// Which emails could match a query, from the indexes (never the events). Each filter that has an
// index gives the emails that could match it; their intersection is what the predicate then
// checks. Every lookup is a superset of its filter's matches, so the intersection is too: a
// search can be slow, never missing a result.

/**
 * The emails that could match one filter, read lazily and only while the set is still large:
 * their ids, or (when it is the query's only lookup) the rows themselves, which one getAll per
 * range reads faster than the ids and then a get for each (5,807 rows: about half the time).
 */
interface Lookup {
  ids: () => Promise<string[]>;
  rows: () => Promise<EmailRecord[]>;
  /**
   * Likely few (a 3-character piece, a campaign's activity, a date range), or likely many (a
   * 1–2 character piece, activity in every campaign). Only one likely to be few is worth reading
   * to narrow another: "ana" in Delivered, clicked read some 40,000 ids to drop half of 3,373.
   */
  few: boolean;
}

type Range = () => Collection<EmailRecord, string, InsertType<EmailRecord, 'id'>>;

/** All ranges at once, one getAllKeys (or getAll) each: far faster than anyOf's cursor. */
function rangesLookup(ranges: Range[], few: boolean): Lookup {
  return {
    few,
    ids: () => Promise.all(ranges.map((range) => range().primaryKeys())).then((lists) => lists.flat()),
    rows: () => Promise.all(ranges.map((range) => range().toArray())).then((lists) => lists.flat()),
  };
}

/** Once the candidates are this few, checking their rows costs less than reading another index. */
const FEW_ENOUGH = 500;
/** More [activity, campaign] keys than this (many campaigns, little asked of activity): the campaign index instead. */
const MAX_FACET_KEYS = 256;

const DATE_INDEXES: Record<DateField, string> = {
  created: 'createdAt',
  sent: 'sentAt',
  scheduled: 'scheduledAt',
  failed: 'failedAt',
  lastActivity: 'engagement.lastActivityAt',
};

function gramLookup(db: CommandCenterDb, { key, prefix }: GramLookup): Lookup {
  // The pieces' own table (v9) is keyed by email id: its primary keys are the emails'.
  const range = () =>
    prefix ? db.emailSearch.where('grams').startsWith(key) : db.emailSearch.where('grams').equals(key);
  const ids = () => range().primaryKeys();
  return {
    few: !prefix,
    ids,
    rows: async () => (await db.emails.bulkGet(await ids())).filter((email) => email !== undefined),
  };
}

function facetLookup(db: CommandCenterDb, query: SearchQuery): Lookup | undefined {
  const activities = activitiesFor(query);
  // Every row of one facet, or of one activity in every campaign: the folder date is the index's last part.
  const facetIndex = () => db.emails.where('[searchFacet+folderDate]');
  const facet = () => ({
    equals: (key: [number, string]) => facetIndex().between([key, Dexie.minKey], [key, Dexie.maxKey], true, true),
    // [bits] sorts before every [bits, campaign], [bits + 1] after (a key may not hold maxKey twice).
    activity: (bits: number) => facetIndex().between([[bits], Dexie.minKey], [[bits + 1], Dexie.minKey], true, false),
  });
  if (!query.campaigns) {
    if (asksNothingOfActivity(activities)) return undefined;
    return rangesLookup(
      activities.map((bits) => () => facet().activity(bits)),
      false,
    );
  }
  const campaigns = [...query.campaigns.ids, ...(query.campaigns.none ? [NO_CAMPAIGN_KEY] : [])];
  if (activities.length * campaigns.length <= MAX_FACET_KEYS)
    return rangesLookup(
      activities.flatMap((bits) => campaigns.map((id) => () => facet().equals([bits, id]))),
      true,
    );
  // Emails in no campaign are not in the campaign index (it skips rows without one).
  return rangesLookup(
    [
      ...query.campaigns.ids.map((id) => () => db.emails.where('campaignId').equals(id)),
      ...(query.campaigns.none ? activities.map((bits) => () => facet().equals([bits, NO_CAMPAIGN_KEY])) : []),
    ],
    true,
  );
}

function dateLookup(db: CommandCenterDb, query: SearchQuery): Lookup | undefined {
  const dates = query.dates;
  if (!dates) return undefined;
  const index = DATE_INDEXES[dates.field];
  return rangesLookup(
    [() => db.emails.where(index).between(dates.from ?? -Infinity, dates.to ?? Infinity, true, true)],
    true,
  );
}

/** The lookups for a query, likeliest to be few first (text pieces, activity, dates), likely many last. */
export function lookupsFor(db: CommandCenterDb, query: SearchQuery): Lookup[] {
  const text = [
    ...(query.person ? gramLookups(PERSON_MARK, query.person) : []),
    ...(query.subject ? gramLookups(SUBJECT_MARK, query.subject) : []),
    // A domain is the end of an address, so its words are pieces of the recipients' words too.
    ...(query.domain ? gramLookups(PERSON_MARK, query.domain) : []),
  ].flat();
  const lookups = [
    ...text.map((lookup) => gramLookup(db, lookup)),
    facetLookup(db, query),
    dateLookup(db, query),
  ].filter((lookup): lookup is Lookup => lookup !== undefined);
  return [...lookups.filter((lookup) => lookup.few), ...lookups.filter((lookup) => !lookup.few)];
}

/**
 * The emails that could match (one may come twice, or be gone), or undefined when no index
 * narrows the query: then every email of the asked statuses is a candidate.
 */
export async function readCandidates(
  db: CommandCenterDb,
  query: SearchQuery,
): Promise<(EmailRecord | undefined)[] | undefined> {
  const [first, ...others] = lookupsFor(db, query);
  if (!first) return undefined;
  const narrowing = others.filter((lookup) => lookup.few);
  if (narrowing.length === 0) return first.rows();
  const candidates = new Set(await first.ids());
  for (const lookup of narrowing) {
    if (candidates.size <= FEW_ENOUGH) break;
    const before = candidates.size;
    const found = new Set(await lookup.ids());
    for (const id of candidates) if (!found.has(id)) candidates.delete(id);
    // The same emails again ("whitfield" is 7 pieces of the same 3,000 emails): stop reading.
    if (candidates.size > before / 2) break;
  }
  return db.emails.bulkGet([...candidates]);
}
