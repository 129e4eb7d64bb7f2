import type { Transaction } from 'dexie';
import { TRUSTED_CLASSIFICATIONS } from '../emails/engagement';
import { searchKeysOf } from '../search/search-keys';
import type { EmailRecord, EngagementEventRecord } from './records';

// The v7 upgrade (issue #15). "Trustworthy signals only" counts the views and clicks of people
// and their mail apps' proxies; rows from before kept people, proxies and unknown hits in one
// number, so each email's trusted counts are counted here from its events. Then every email gets
// the search's index keys (search-keys.ts), which read those counts.

/** Events read per request: getAll of a page is far faster than a cursor over a million rows. */
const PAGE = 10_000;

/** Trusted views and clicks per email, from one pass over the events table. */
export async function countTrustedEngagement(tx: Transaction): Promise<Map<string, { views: number; clicks: number }>> {
  const events = tx.table<EngagementEventRecord, number>('events');
  const counts = new Map<string, { views: number; clicks: number }>();
  let after = -Infinity;
  for (;;) {
    const page = await events.where(':id').above(after).limit(PAGE).toArray();
    for (const event of page) {
      if (!TRUSTED_CLASSIFICATIONS.has(event.classification)) continue;
      if (event.type !== 'view' && event.type !== 'click') continue;
      const count = counts.get(event.emailId) ?? { views: 0, clicks: 0 };
      if (event.type === 'view') count.views++;
      else count.clicks++;
      counts.set(event.emailId, count);
    }
    if (page.length < PAGE) return counts;
    after = page[page.length - 1]!.id!;
  }
}

export async function fillSearchIndex(tx: Transaction): Promise<void> {
  const counts = await countTrustedEngagement(tx);
  await tx
    .table<EmailRecord, string>('emails')
    .toCollection()
    .modify((email) => {
      // A damaged row (no engagement) is left as it is: the periodic check shows it.
      if (typeof email.engagement !== 'object' || email.engagement === null) return;
      const count = counts.get(email.id);
      email.engagement.trustedViews = count?.views ?? 0;
      email.engagement.trustedClicks = count?.clicks ?? 0;
      Object.assign(email, searchKeysOf(email));
    });
}
