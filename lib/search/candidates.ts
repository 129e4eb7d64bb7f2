import Dexie from 'dexie';
import type { CommandCenterDb } from '../db/database';
import { activitiesFor, asksNothingOfActivity, NO_CAMPAIGN_KEY } from './activity-facet';
import type { DateField, SearchQuery } from './query';
import { type GramLookup, gramLookups, PERSON_MARK, SUBJECT_MARK } from './text-grams';

// Which emails could match a query, from the indexes alone (keys, never rows, never events).
// Each filter that has an index gives the ids that could match it; their intersection is the set
// the predicate then checks. Every lookup is a superset of its filter's matches, so the
// intersection is too: a result can be slow, never missing.

/** Ids that could match one filter: read lazily, and only while the set is still large. */
type Lookup = () => Promise<string[]>;

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
  const index = db.emails.where('searchGrams');
  return () => (prefix ? index.startsWith(key) : index.equals(key)).primaryKeys();
}

/** Every key at once, in parallel: one getAllKeys each, which is far faster than anyOf's cursor. */
const each = (reads: Promise<string[]>[]) => Promise.all(reads).then((lists) => lists.flat());

function facetLookup(db: CommandCenterDb, query: SearchQuery): Lookup | undefined {
  const activities = activitiesFor(query);
  const facet = () => db.emails.where('searchFacet');
  if (!query.campaigns) {
    if (asksNothingOfActivity(activities)) return undefined;
    return () =>
      each(activities.map((bits) => facet().between([bits, Dexie.minKey], [bits, Dexie.maxKey]).primaryKeys()));
  }
  const campaigns = [...query.campaigns.ids, ...(query.campaigns.none ? [NO_CAMPAIGN_KEY] : [])];
  if (activities.length * campaigns.length <= MAX_FACET_KEYS)
    return () => each(activities.flatMap((bits) => campaigns.map((id) => facet().equals([bits, id]).primaryKeys())));
  // Emails in no campaign are not in the campaign index (it skips rows without one).
  const ids = query.campaigns.ids;
  const none = query.campaigns.none === true;
  return () =>
    each([
      ...ids.map((id) => db.emails.where('campaignId').equals(id).primaryKeys()),
      ...(none ? activities.map((bits) => facet().equals([bits, NO_CAMPAIGN_KEY]).primaryKeys()) : []),
    ]);
}

function dateLookup(db: CommandCenterDb, query: SearchQuery): Lookup | undefined {
  const dates = query.dates;
  if (!dates) return undefined;
  return () =>
    db.emails
      .where(DATE_INDEXES[dates.field])
      .between(dates.from ?? -Infinity, dates.to ?? Infinity, true, true)
      .primaryKeys();
}

/** The lookups for a query, likeliest to be few first: text pieces, then activity, then dates. */
export function lookupsFor(db: CommandCenterDb, query: SearchQuery): Lookup[] {
  const text = [
    ...(query.person ? gramLookups(PERSON_MARK, query.person) : []),
    ...(query.subject ? gramLookups(SUBJECT_MARK, query.subject) : []),
    // A domain is the end of an address, so its words are pieces of the recipients' words too.
    ...(query.domain ? gramLookups(PERSON_MARK, query.domain) : []),
  ].flat();
  return [...text.map((lookup) => gramLookup(db, lookup)), facetLookup(db, query), dateLookup(db, query)].filter(
    (lookup): lookup is Lookup => lookup !== undefined,
  );
}

/**
 * The ids of the emails that could match, or undefined when no index narrows the query (then
 * every email of the asked statuses is a candidate).
 */
export async function candidateIds(db: CommandCenterDb, query: SearchQuery): Promise<Set<string> | undefined> {
  let candidates: Set<string> | undefined;
  for (const lookup of lookupsFor(db, query)) {
    if (candidates && candidates.size <= FEW_ENOUGH) break;
    const ids = await lookup();
    if (!candidates) candidates = new Set(ids);
    else {
      const found = new Set(ids);
      for (const id of candidates) if (!found.has(id)) candidates.delete(id);
    }
  }
  return candidates;
}
