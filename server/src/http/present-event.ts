import type { FeedEvent } from '../storage/repository.ts';

/**
 * One stored event as the feed (GET /v1/events) sends it: the extension's `serverEventSchema`
 * (lib/tracking/apply-event.ts) reads exactly this, and tests/unit/server-contract.test.ts checks
 * that it does. Empty optional fields are left out rather than sent as null.
 */
export function presentEvent(e: FeedEvent) {
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
    ...(e.recipient !== null ? { recipient: e.recipient } : {}),
  };
}
