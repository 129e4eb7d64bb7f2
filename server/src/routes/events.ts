import type { Handler } from '../deps.ts';
import { sendError } from '../http/errors.ts';
import { presentEvent } from '../http/present-event.ts';
import { InvalidCursorError } from '../storage/event-queries.ts';

/** A writer that cannot store (database down) holds the feed up this long at most. */
const FEED_DRAIN_WAIT_MS = 2000;

/**
 * GET /v1/events?after=<cursor>&limit=<n> — the rep's events in order. `next` is where to resume;
 * events younger than FEED_SETTLE_SECONDS wait, so a self-view or a burst can still re-label them.
 */
export const handleReadEvents: Handler<{ Querystring: { after: string; limit: number } }> =
  (deps) => async (request, reply) => {
    const { after, limit } = request.query;
    // Hits answered before this request are in the feed it returns (once settled), not a poll later.
    await deps.hitJournal.drain(FEED_DRAIN_WAIT_MS);
    try {
      const settledBefore = deps.now() - deps.config.feedSettleSeconds * 1000;
      const rows = await deps.repo.readFeed(request.accountId, after, limit + 1, settledBefore);
      const events = rows.slice(0, limit);
      return { events: events.map(presentEvent), next: events.at(-1)?.cursor ?? after, more: rows.length > limit };
    } catch (error) {
      if (error instanceof InvalidCursorError) return sendError(reply, 400, 'invalid_cursor', error.message);
      throw error;
    }
  };
