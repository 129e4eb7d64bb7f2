import type { Page } from '@playwright/test';
import type { SearchQueryInput } from '../../lib/search/query.ts';
import {
  launchWithExtension,
  openControlPage,
  readLiveQueryOnce,
  sendCommandFrom,
} from '../support/launch-extension.ts';
import { timeQuery } from './folder-queries.ts';
import { seedMailbox } from './seed-mailbox.ts';

// The full search (issue #15) on the benchmark mailbox, as the sidebar asks for it: a fresh
// `search.run` subscription from an extension page until its first page arrives (warm worker).
// Also what the search's index keys cost every email write: archiving and restoring 50 emails
// through the real commands, which save each email through email-writes.ts.

export interface Timing {
  name: string;
  samples: number[];
  /** Results the query found, to show the figure is for real work. */
  total?: number;
}

const page = { offset: 0, limit: 50 };
const SEARCHES: [string, SearchQueryInput][] = [
  [
    'search: campaign X, viewed, clicked, not replied (trustworthy signals)',
    { version: 1, campaigns: { ids: ['demo-campaign-0'] }, viewed: 'yes', clicked: 'yes', replied: 'no' },
  ],
  [
    'search: same, most engaged first',
    {
      version: 1,
      campaigns: { ids: ['demo-campaign-0'] },
      viewed: 'yes',
      clicked: 'yes',
      replied: 'no',
      sort: 'mostEngaged',
    },
  ],
  ['search: person contains "ana"', { version: 1, person: 'ana' }],
  ['search: subject contains "ana"', { version: 1, subject: 'ana' }],
  [
    'search: person contains "ana" in Delivered, clicked',
    { version: 1, person: 'ana', statuses: ['delivered'], clicked: 'yes' },
  ],
];

async function timeWrites(control: Page, rounds: number): Promise<Timing[]> {
  const first = await readLiveQueryOnce(control, 'folders.page', { status: 'delivered', offset: 0, limit: 50 });
  const ids = first.rows.map((row) => row.id);
  const archive: number[] = [];
  const restore: number[] = [];
  const timed = async (samples: number[], name: 'emails.archive' | 'emails.unarchive') => {
    const started = performance.now();
    const answer = await sendCommandFrom(control, name, { ids });
    samples.push(performance.now() - started);
    if (!answer.ok || answer.value.done.length !== ids.length) throw new Error(`${name}: ${JSON.stringify(answer)}`);
  };
  for (let round = 0; round < rounds; round++) {
    await timed(archive, 'emails.archive');
    await timed(restore, 'emails.unarchive');
  }
  return [
    { name: `archive ${ids.length} emails (one command)`, samples: archive },
    { name: `restore those ${ids.length} from Archived`, samples: restore },
  ];
}

/**
 * How long the database goes on working after the seed (Chromium's LevelDB compacting a million
 * fresh rows on 2 cores): the searches run right after it, and again once it has settled.
 */
const SETTLE_MS = 120_000;

async function timeSearches(control: Page, runs: number, when: string): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (const [name, query] of SEARCHES) {
    const result = await readLiveQueryOnce(control, 'search.run', { query, ...page }); // warm-up
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result)}`);
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) samples.push(await timeQuery(control, 'search.run', { query, ...page }));
    timings.push({ name: `${name}${when}`, samples, total: result.total });
  }
  return timings;
}

export async function measureSearch(emails: number, events: number, runs = 20) {
  const launched = await launchWithExtension();
  try {
    const control = await openControlPage(launched);
    const seeded = await seedMailbox(control, emails, events);
    const fresh = await timeSearches(control, runs, ', right after the seed');
    process.stderr.write(`letting the database settle for ${SETTLE_MS / 1000} s\n`);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const settled = await timeSearches(control, runs, '');
    const writes = await timeWrites(control, 10);
    return { seeded, timings: [...settled, ...fresh], writes };
  } finally {
    await launched.close();
  }
}
