import type { Page } from '@playwright/test';
import { launchWithExtension, openControlPage, readLiveQueryOnce } from '../support/launch-extension.ts';
import { seedMailbox } from './seed-mailbox.ts';
import { median } from './stats.ts';

export interface QueryTiming {
  name: string;
  samples: number[];
}

/** Round trip of one fresh live-query subscription, from an extension page, in ms. */
export async function timeQuery(page: Page, name: string, args: unknown): Promise<number> {
  return page.evaluate(
    ([name, args]) =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        const port = chrome.runtime.connect({ name: 'icc.live' });
        port.onMessage.addListener(() => {
          resolve(performance.now() - started);
          port.disconnect();
        });
        port.postMessage({ kind: 'subscribe', subId: crypto.randomUUID(), name, args });
      }),
    [name, args] as const,
  );
}

/**
 * Seeds the background's IndexedDB with `emails` emails and about `events` events, then times
 * the queries the Emails section runs, each `runs` times (fresh subscriptions, warm worker).
 */
export async function measureFolderQueries(emails: number, events: number, runs = 9) {
  const launched = await launchWithExtension();
  try {
    const control = await openControlPage(launched);
    const { seconds: seedSeconds, ...seeded } = await seedMailbox(control, emails, events);
    const counts = await readLiveQueryOnce(control, 'folders.counts', {});
    // The row just above 30,000, as the list knows it after scrolling there.
    const before = await readLiveQueryOnce(control, 'folders.page', { status: 'delivered', offset: 29_950, limit: 50 });
    const last = before.rows.at(-1);
    // The demo writes no damaged rows; one here means the seed went wrong.
    if (last?.kind !== 'email') throw new Error(`no email row above row 30,000: ${JSON.stringify(last)}`);
    const anchor = { offset: 29_999, folderDate: last.folderDate, id: last.id };
    const queries: [string, string, unknown][] = [
      ['all eight folder counts', 'folders.counts', {}],
      ['first page of Delivered (50 rows)', 'folders.page', { status: 'delivered', offset: 0, limit: 50 }],
      ['first page of Scheduled (50 rows)', 'folders.page', { status: 'scheduled', offset: 0, limit: 50 }],
      [
        'page at row 30,000 of Delivered, jumped to (counted from the top)',
        'folders.page',
        { status: 'delivered', offset: 30_000, limit: 50 },
      ],
      [
        'page at row 30,000 of Delivered, scrolled to (from the row above)',
        'folders.page',
        { status: 'delivered', offset: 30_000, limit: 50, anchor },
      ],
      [
        'Delivered filtered by "dana" (word index)',
        'folders.page',
        { status: 'delivered', offset: 0, limit: 50, filter: 'dana' },
      ],
      [
        'Delivered filtered by "northwind pricing" (word index)',
        'folders.page',
        { status: 'delivered', offset: 0, limit: 50, filter: 'northwind pricing' },
      ],
      ['needs-attention check', 'emails.needsAttention', {}],
      ['select all in Delivered (every id of the folder)', 'folders.members', { status: 'delivered' }],
      ['select all in Delivered filtered by "dana"', 'folders.members', { status: 'delivered', filter: 'dana' }],
    ];
    const timings: QueryTiming[] = [];
    for (const [label, name, args] of queries) {
      await timeQuery(control, name, args); // warm-up
      const samples: number[] = [];
      for (let run = 0; run < runs; run++) samples.push(await timeQuery(control, name, args));
      timings.push({ name: label, samples });
    }
    return { seeded, seedSeconds, counts, timings, median };
  } finally {
    await launched.close();
  }
}
