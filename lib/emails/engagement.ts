import type { Classification, EmailRecord, EngagementEventRecord } from '../db/records';

/** Classifications that are a machine, not the recipient: never counted as engagement, shown muted. */
export const MACHINE_CLASSIFICATIONS: ReadonlySet<Classification> = new Set(['prefetch', 'scanner', 'self']);

export function isMachine(event: Pick<EngagementEventRecord, 'classification'>): boolean {
  return MACHINE_CLASSIFICATIONS.has(event.classification);
}

/** Hits a search that asks for trustworthy signals only counts: a person, or their mail app's proxy. */
export const TRUSTED_CLASSIFICATIONS: ReadonlySet<Classification> = new Set(['human', 'proxy']);

/** Folds one event into the email's engagement summary, machine hits kept apart from people. */
export function countEngagement(email: EmailRecord, event: EngagementEventRecord): void {
  const machine = isMachine(event);
  const trusted = TRUSTED_CLASSIFICATIONS.has(event.classification);
  const engagement = email.engagement;
  // Since v7 every stored row has trusted counts (lib/db/search-index-upgrade.ts); a new email
  // starts without them. Left undefined, its first unknown hit would read as a trusted one,
  // because an absent count falls back to `views` (lib/search/predicate.ts).
  engagement.trustedViews ??= 0;
  engagement.trustedClicks ??= 0;
  if (event.type === 'view') machine ? engagement.machineViews++ : engagement.views++;
  if (event.type === 'click') machine ? engagement.machineClicks++ : engagement.clicks++;
  if (event.type === 'view' && trusted) engagement.trustedViews = (engagement.trustedViews ?? 0) + 1;
  if (event.type === 'click' && trusted) engagement.trustedClicks = (engagement.trustedClicks ?? 0) + 1;
  if (event.type === 'reply') engagement.replied = true;
  if (!machine) engagement.lastActivityAt = Math.max(engagement.lastActivityAt ?? 0, event.at);
}
