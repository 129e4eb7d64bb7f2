import type { Classification, EmailRecord, EngagementEventRecord } from '../db/records';

/** Classifications that are a machine, not the recipient: never counted as engagement, shown muted. */
export const MACHINE_CLASSIFICATIONS: ReadonlySet<Classification> = new Set(['prefetch', 'scanner', 'self']);

export function isMachine(event: Pick<EngagementEventRecord, 'classification'>): boolean {
  return MACHINE_CLASSIFICATIONS.has(event.classification);
}

/** Folds one event into the email's engagement summary, machine hits kept apart from people. */
export function countEngagement(email: EmailRecord, event: EngagementEventRecord): void {
  const machine = isMachine(event);
  const engagement = email.engagement;
  if (event.type === 'view') machine ? engagement.machineViews++ : engagement.views++;
  if (event.type === 'click') machine ? engagement.machineClicks++ : engagement.clicks++;
  if (event.type === 'reply') engagement.replied = true;
  if (!machine) engagement.lastActivityAt = Math.max(engagement.lastActivityAt ?? 0, event.at);
}
