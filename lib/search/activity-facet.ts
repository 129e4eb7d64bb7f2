import type { EmailRecord } from '../db/records';
import { countedEngagement } from './predicate';
import type { SearchQuery, TriState } from './query';

// The search's campaign and activity index: each email is kept under [what it has, its campaign]
// (`searchFacet`), where "what it has" is five bits, viewed and clicked counted both ways (people
// and proxies only, and every hit) and replied. "Campaign X, viewed, clicked, not replied" is
// then a handful of exact keys whose rows are nearly all matches, instead of every email of the
// campaign (12,095 of 100,000 in the benchmark mailbox, of which 5,807 match).

const TRUSTED_VIEW = 1;
const TRUSTED_CLICK = 2;
const ANY_VIEW = 4;
const ANY_CLICK = 8;
const REPLIED = 16;
const ALL_ACTIVITIES = Array.from({ length: 32 }, (_, bits) => bits);

/** Campaign of an email as the index keeps it: '' for none (no real campaign id is empty). */
export const NO_CAMPAIGN_KEY = '';

export function activityBitsOf(email: Pick<EmailRecord, 'engagement'>): number {
  const trusted = countedEngagement(email, true);
  const everyHit = countedEngagement(email, false);
  return (
    (trusted.views > 0 ? TRUSTED_VIEW : 0) |
    (trusted.clicks > 0 ? TRUSTED_CLICK : 0) |
    (everyHit.views > 0 ? ANY_VIEW : 0) |
    (everyHit.clicks > 0 ? ANY_CLICK : 0) |
    (email.engagement.replied ? REPLIED : 0)
  );
}

export function searchFacetOf(email: Pick<EmailRecord, 'engagement' | 'campaignId'>): [number, string] {
  const campaign = typeof email.campaignId === 'string' ? email.campaignId : NO_CAMPAIGN_KEY;
  return [activityBitsOf(email), campaign];
}

const allows = (wanted: TriState, has: boolean) => wanted === 'either' || (wanted === 'yes') === has;

/**
 * The activity bits an email matching the query can have. A minimum of views or clicks above
 * zero needs one, so it narrows like "viewed: yes". Every value when nothing about activity is asked.
 */
export function activitiesFor(query: SearchQuery): number[] {
  const view = query.trustedOnly ? TRUSTED_VIEW : ANY_VIEW;
  const click = query.trustedOnly ? TRUSTED_CLICK : ANY_CLICK;
  return ALL_ACTIVITIES.filter(
    (bits) =>
      allows(query.viewed, (bits & view) !== 0) &&
      allows(query.clicked, (bits & click) !== 0) &&
      allows(query.replied, (bits & REPLIED) !== 0) &&
      (!query.minViews || (bits & view) !== 0) &&
      (!query.minClicks || (bits & click) !== 0),
  );
}

/** True when the query asks nothing of activity (every bit pattern allowed). */
export const asksNothingOfActivity = (activities: readonly number[]) => activities.length === ALL_ACTIVITIES.length;
