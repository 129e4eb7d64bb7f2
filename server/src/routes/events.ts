import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { sendError } from '../http/errors.ts';
import { InvalidCursorError } from '../storage/event-queries.ts';
import type { FeedEvent } from '../storage/repository.ts';

/** A writer that cannot store (database down) holds the feed up this long at most. */
const FEED_DRAIN_WAIT_MS = 2000;

const querySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    after: { type: 'string', pattern: '^[0-9-]{1,40}$', default: '0' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 200 },
  },
} as const;

function present(e: FeedEvent) {
  return {
    cursor: e.cursor,
    messageId: e.messageId,
    type: e.type,
    at: new Date(e.at).toISOString(),
    classification: e.classification,
    reason: e.reason,
    ...(e.reasonCode !== null ? { reasonCode: e.reasonCode } : {}),
    ...(e.reasonParams !== null ? { reasonParams: e.reasonParams } : {}),
    ...(e.linkIndex !== null ? { linkIndex: e.linkIndex } : {}),
    ...(e.url !== null ? { url: e.url } : {}),
    ...(e.detail !== null ? { detail: e.detail } : {}),
  };
}

/**
 * GET /v1/events?after=<cursor>&limit=<n> — the rep's events in order. `next` is where to resume;
 * events younger than FEED_SETTLE_SECONDS wait, so a self-view or a burst can still re-label them.
 */
export function eventRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<{ Querystring: { after: string; limit: number } }>('/v1/events', { schema: { querystring: querySchema } }, async (request, reply) => {
    const { after, limit } = request.query;
    // Hits answered before this request are in the feed it returns (once settled), not a poll later.
    await deps.hitJournal.drain(FEED_DRAIN_WAIT_MS);
    try {
      const settledBefore = deps.now() - deps.config.feedSettleSeconds * 1000;
      const rows = await deps.repo.readFeed(request.accountId, after, limit + 1, settledBefore);
      const events = rows.slice(0, limit);
      return { events: events.map(present), next: events.at(-1)?.cursor ?? after, more: rows.length > limit };
    } catch (error) {
      if (error instanceof InvalidCursorError) return sendError(reply, 400, 'invalid_cursor', error.message);
      throw error;
    }
  });
}
