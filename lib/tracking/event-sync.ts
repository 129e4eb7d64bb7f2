import * as v from 'valibot';
import type { CommandCenterDb } from '../db/database';
import { ruleTables } from '../tasks/rule-evaluation';
import { applyServerEvent, type ServerEvent, serverEventSchema } from './apply-event';
import { eventCursor } from './event-cursor';
import { callServer, type Fetch, ServerError } from './server-client';
import type { ServerSettings } from './server-settings';

const PAGE = 200;
const MAX_PAGES_PER_RUN = 50;

/**
 * A page of events in one transaction: one commit instead of one per event (a transaction costs
 * milliseconds; a page of 200 views took 1.8 s one by one, BENCHMARKS.md). Should the page fail
 * as a whole, each event is applied on its own, so one bad event cannot hold the others back.
 */
async function applyPage(db: CommandCenterDb, events: readonly ServerEvent[]): Promise<number> {
  const apply = async () => {
    let applied = 0;
    for (const event of events) if (await applyServerEvent(db, event)) applied++;
    return applied;
  };
  try {
    return await db.transaction('rw', [db.counters, ...ruleTables(db)], apply);
  } catch (error) {
    console.warn('[command-center] a page of events failed as a whole; applying them one by one', error);
    return apply();
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
    result.applied += await applyPage(db, events);
    cursor = feed.next;
    await eventCursor.setValue(cursor);
    if (!feed.more) break;
  }
  return result;
}
