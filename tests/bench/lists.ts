import type { Page } from '@playwright/test';
import type { SearchQuery } from '../../lib/search/query.ts';
import { MEASURES } from '../../lib/timing/measure.ts';
import {
  launchWithExtension,
  openControlPage,
  readLiveQueryOnce,
  sendCommandFrom,
} from '../support/launch-extension.ts';
import { startTrackingServer } from '../support/tracking-server.ts';
import { DESKTOP_CHROME } from '../support/user-agents.ts';
import { timeQuery } from './folder-queries.ts';

// Issue #15's list budgets, in real Chromium against the background's IndexedDB: 500 lists over
// a seeded mailbox; one event applied to all of them; 10,000 events ingested from the real
// tracking server with list upkeep; opening a list of about 5,000 members.

const SEED_SLICE = 5_000;
const LISTS = 500;
// Spelled out, not imported: Node runs this file, and lib/ imports without file extensions.
const TRI_STATES = ['yes', 'no', 'either'] as const;
const emptyQuery = (): SearchQuery => ({
  version: 1,
  viewed: 'either',
  clicked: 'either',
  replied: 'either',
  trustedOnly: true,
  sort: 'date',
});

export interface ListTiming {
  name: string;
  samples: number[];
  unit: 'ms' | 'events/s';
}

/** 500 different queries over the demo's campaigns, folders and engagement. */
function benchQueries(): SearchQuery[] {
  const queries: SearchQuery[] = [];
  const statuses = [undefined, ['delivered'], ['delivered', 'archived'], ['bounced', 'failed']] as const;
  for (let i = 0; queries.length < LISTS; i++) {
    const campaign = `demo-campaign-${i % 8}`;
    const status = statuses[Math.floor(i / 8) % statuses.length];
    queries.push({
      ...emptyQuery(),
      campaigns: { ids: [campaign] },
      ...(status ? { statuses: [...status] } : {}),
      viewed: TRI_STATES[Math.floor(i / 32) % 3]!,
      clicked: TRI_STATES[Math.floor(i / 96) % 3]!,
      replied: TRI_STATES[Math.floor(i / 288) % 3]!,
      trustedOnly: i % 2 === 0,
    });
  }
  return queries;
}

async function timeCommand(page: Page, name: 'tracking.sync', args: object): Promise<number> {
  const started = Date.now();
  const answer = await sendCommandFrom(page, name, args);
  if (!answer.ok) throw new Error(`${name} failed: ${answer.error.message}`);
  return Date.now() - started;
}

export async function measureLists(emails: number, events: number, runs = 20) {
  // One client address sends every hit here: no per-address rate limit or connection cap.
  const server = await startTrackingServer({ RATE_LIMIT_PER_MINUTE: '10000000', MAX_CONNECTIONS_PER_ADDRESS: '0' });
  const launched = await launchWithExtension();
  try {
    const control = await openControlPage(launched);
    const connected = await sendCommandFrom(control, 'tracking.setServer', {
      server: { url: server.url, apiKey: server.apiKey },
    });
    if (!connected.ok) throw new Error(`tracking.setServer failed: ${connected.error.message}`);
    // The lists first: the seed then assigns each batch its lists, as the rep's own writes would.
    const listsStarted = Date.now();
    for (const [index, query] of benchQueries().entries()) {
      const saved = await sendCommandFrom(control, 'lists.save', {
        id: crypto.randomUUID(),
        name: `List ${index}`,
        query,
      });
      if (!saved.ok) throw new Error(`lists.save failed: ${saved.error.message}`);
    }
    const listsSeconds = (Date.now() - listsStarted) / 1000;
    const seedStarted = Date.now();
    const eventsPerEmail = Math.min(20, events / (emails * 0.72));
    for (let start = 0; start < emails; start += SEED_SLICE) {
      const slice = await sendCommandFrom(control, 'demo.seed', { emails, eventsPerEmail, start, count: SEED_SLICE });
      if (!slice.ok) throw new Error(`seeding failed: ${slice.error.message}`);
      process.stderr.write(`\rseeding with ${LISTS} lists: ${start + SEED_SLICE} emails`);
    }
    process.stderr.write('\n');
    const seedSeconds = (Date.now() - seedStarted) / 1000;

    const lists = await readLiveQueryOnce(control, 'lists.all', {});
    const fiveThousand = [...lists].sort((a, b) => Math.abs(a.count - 5000) - Math.abs(b.count - 5000))[0]!;
    const timings: ListTiming[] = [];
    const timeLive = async (label: string, name: 'lists.page' | 'lists.all', args: object) => {
      await timeQuery(control, name, args);
      const samples: number[] = [];
      for (let run = 0; run < runs; run++) samples.push(await timeQuery(control, name, args));
      timings.push({ name: label, samples, unit: 'ms' });
    };
    await timeLive(`open a list of ${fiveThousand.count.toLocaleString('en')} members (first 50 rows)`, 'lists.page', {
      id: fiveThousand.id,
      offset: 0,
      limit: 50,
    });
    await timeLive(`all ${LISTS} lists with their counts`, 'lists.all', {});

    // Delivered emails the server will report hits on, registered as sent an hour ago.
    const page = await readLiveQueryOnce(control, 'folders.page', { status: 'delivered', offset: 0, limit: 500 });
    const ids = page.rows.flatMap((row) => (row.kind === 'email' ? [row.id] : []));
    const pixels: string[] = [];
    for (const id of ids) {
      const { pixelUrl } = await server.api<{ pixelUrl: string }>('/v1/messages', {
        messageId: id,
        sentAt: new Date(Date.now() - 3_600_000).toISOString(),
        links: [],
      });
      pixels.push(pixelUrl);
    }
    const hit = (url: string) => fetch(url, { headers: { 'user-agent': DESKTOP_CHROME } }).then((r) => r.arrayBuffer());

    // The background's own measures (lib/timing/measure.ts), read from the worker.
    const worker = await launched.serviceWorker();
    const measured = (name: string) =>
      worker.evaluate((wanted) => {
        const entries = performance.getEntriesByName(wanted, 'measure');
        performance.clearMeasures();
        return entries.map((entry) => ({ duration: entry.duration, detail: (entry as PerformanceMeasure).detail }));
      }, name);

    // One event, pulled and applied (every list checked): the whole pull, then the pull of nothing;
    // inside the background, applying it (every write) and the upkeep alone (500 predicates).
    const single: number[] = [];
    const empty: number[] = [];
    const applying: number[] = [];
    const upkeep: number[] = [];
    for (let run = 0; run < runs; run++) {
      await hit(pixels[run % pixels.length]!);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the server's hit writer
      await worker.evaluate(() => performance.clearMeasures());
      single.push(await timeCommand(control, 'tracking.sync', {}));
      const [kept] = await measured(MEASURES.listUpkeep);
      empty.push(await timeCommand(control, 'tracking.sync', {}));
      if (kept) upkeep.push(kept.duration);
    }
    for (let run = 0; run < runs; run++) {
      await hit(pixels[(run + runs) % pixels.length]!);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await worker.evaluate(() => performance.clearMeasures());
      await timeCommand(control, 'tracking.sync', {});
      const [applied] = await measured(MEASURES.applyEvents);
      if (applied) applying.push(applied.duration);
    }
    timings.push({ name: `pull and apply one view (${LISTS} lists checked)`, samples: single, unit: 'ms' });
    timings.push({ name: 'pull with nothing new (the same round trip, no event)', samples: empty, unit: 'ms' });
    timings.push({
      name: `one view applied in the background (every write, ${LISTS} lists)`,
      samples: applying,
      unit: 'ms',
    });
    timings.push({ name: `its list upkeep alone (${LISTS} lists checked)`, samples: upkeep, unit: 'ms' });

    // 10,000 views on the server, then pulled and applied with list upkeep.
    const INGEST = 10_000;
    for (let sent = 0; sent < INGEST; sent += 50)
      await Promise.all(Array.from({ length: 50 }, (_, k) => hit(pixels[(sent + k) % pixels.length]!)));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await worker.evaluate(() => performance.clearMeasures());
    const started = Date.now();
    let applied = 0;
    for (let pulls = 0; applied < INGEST && pulls < 100; pulls++) {
      const answer = await sendCommandFrom(control, 'tracking.sync', {});
      if (!answer.ok) throw new Error(`tracking.sync failed: ${answer.error.message}`);
      applied += answer.value.applied;
      if (answer.value.applied === 0) break;
    }
    const seconds = (Date.now() - started) / 1000;
    // Only the events measured (the timeline is emptied every 500 measures): a per-event figure.
    const pages = await worker.evaluate(
      (wanted) =>
        performance
          .getEntriesByName(wanted, 'measure')
          .map((entry) => ({ duration: entry.duration, events: (entry as PerformanceMeasure).detail?.events ?? 0 })),
      MEASURES.applyEvents,
    );
    const pageEvents = pages.reduce((sum, page) => sum + page.events, 0);
    const pageMs = pages.reduce((sum, page) => sum + page.duration, 0);
    if (pageEvents > 0)
      timings.push({
        name: 'of which applying them in the background, per event',
        samples: [pageMs / pageEvents],
        unit: 'ms',
      });
    timings.push({
      name: `ingest ${applied.toLocaleString('en')} views with list upkeep`,
      samples: [applied / seconds],
      unit: 'events/s',
    });
    return { listsSeconds, seedSeconds, timings, fiveThousand, lists: LISTS };
  } finally {
    await launched.close();
    await server.stop();
  }
}
