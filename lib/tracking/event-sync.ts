import * as v from 'valibot';
import type { CommandCenterDb } from '../db/database';
import { type RuleContext, ruleTables } from '../tasks/rule-evaluation';
import { localRuleContext } from '../tasks/task-wording';
import { applyEngagementEvents, type EngagementEvent, isEngagement } from './apply-engagement';
import { applyServerEvent } from './apply-event';
import { eventCursor } from './event-cursor';
import { callServer, type Fetch, ServerError } from './server-client';
import { type ServerEvent, serverEventSchema } from './server-event';
import type { ServerSettings } from './server-settings';

const PAGE = 200;
const MAX_PAGES_PER_RUN = 50;

/**
 * A page of events in one transaction: one commit instead of one per event (a transaction costs
 * milliseconds; a page of 200 views took 1.8 s one by one, BENCHMARKS.md), and each run of views
 * and clicks between delivery reports applied together (apply-engagement.ts). Should the page
 * fail as a whole, each event is applied on its own, so one bad event cannot hold the others back.
 */
export async function applyEventPage(
  db: CommandCenterDb,
  events: readonly ServerEvent[],
  rules: () => RuleContext = localRuleContext,
): Promise<number> {
  const apply = async () => {
    let applied = 0;
    let run: EngagementEvent[] = [];
    const applyRun = async () => {
      applied += await applyEngagementEvents(db, run, rules);
      run = [];
    };
    for (const event of events) {
      if (isEngagement(event)) {
        run.push(event);
        continue;
      }
      await applyRun();
      if (await applyServerEvent(db, event, rules)) applied++;
    }
    await applyRun();
    return applied;
  };
  const applyOneByOne = async () => {
    let applied = 0;
    for (const event of events) if (await applyServerEvent(db, event, rules)) applied++;
    return applied;
  };
  try {
    return await db.transaction('rw', [db.counters, ...ruleTables(db)], apply);
  } catch (error) {
    console.warn('[command-center] a page of events failed as a whole; applying them one by one', error);
    return applyOneByOne();
  }
}

const feedSchema = v.object({ events: v.array(v.unknown()), next: v.string(), more: v.boolean() });

/** One page of the rep's feed; an answer that is not a feed page is a `badAnswer`. */
export async function readFeedPage(
  settings: ServerSettings,
  after: string,
  limit: number,
  fetchImpl?: Fetch,
): Promise<v.InferOutput<typeof feedSchema>> {
  const raw = await callServer<unknown>(
    settings,
    `/v1/events?after=${encodeURIComponent(after)}&limit=${limit}`,
    {},
    fetchImpl,
  );
  const feed = v.safeParse(feedSchema, raw);
  if (feed.success) return feed.output;
  const detail = `not a feed page: ${feed.issues[0].message}`;
  throw new ServerError('badAnswer', `The tracking server's feed could not be read (${detail}).`, 200, false, detail);
}

export interface SyncResult {
  applied: number;
  skipped: number;
}

/**
 * Pulls the rep's events after the saved cursor and applies them. The cursor moves only after
 * a page is stored, so a worker killed mid-page re-reads it (events are applied once by cursor).
 */
export async function syncEvents(db: CommandCenterDb, settings: ServerSettings): Promise<SyncResult> {
  const result: SyncResult = { applied: 0, skipped: 0 };
  let cursor = await eventCursor.getValue();
  for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
    const feed = await readFeedPage(settings, cursor, PAGE);
    const events: ServerEvent[] = [];
    for (const item of feed.events) {
      const event = v.safeParse(serverEventSchema, item);
      if (event.success) events.push(event.output);
      else {
        result.skipped++;
        console.warn('[command-center] skipped a malformed event from the server', event.issues[0]?.message);
      }
    }
    result.applied += await applyEventPage(db, events);
    cursor = feed.next;
    await eventCursor.setValue(cursor);
    if (!feed.more) break;
  }
  return result;
}
