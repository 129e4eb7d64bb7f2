import * as v from 'valibot';
import { CLASSIFICATIONS } from '../db/records';
import type { Reason } from '../emails/reason';

// One event from the server's feed, checked: the server is outside our trust boundary, and its
// text is data, never markup.

/** The shape of the server's reason codes (server/README.md), e.g. `scanner.tooSoonAfterSend`. */
export const REASON_CODE_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)*$/;

const reasonCodeSchema = v.pipe(v.string(), v.maxLength(64), v.regex(REASON_CODE_PATTERN));
const reasonParamsSchema = v.pipe(
  v.record(
    v.pipe(v.string(), v.regex(/^[a-zA-Z][a-zA-Z0-9]{0,31}$/)),
    v.union([v.pipe(v.string(), v.maxLength(200)), v.pipe(v.number(), v.finite())]),
  ),
  v.check((params) => Object.keys(params).length <= 10, 'at most 10 reason parameters'),
);

export const serverEventSchema = v.object({
  cursor: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  messageId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  type: v.picklist(['view', 'click', 'bounce', 'complaint', 'delivered', 'failed', 'deferred']),
  at: v.pipe(v.string(), v.isoTimestamp()),
  classification: v.nullish(v.picklist(CLASSIFICATIONS)),
  reason: v.pipe(v.string(), v.maxLength(1000)),
  // A malformed code or parameters (a buggy or newer server) is dropped on its own rather than
  // refusing the event: the view still counts, and the rep reads the English text instead.
  reasonCode: v.fallback(v.optional(reasonCodeSchema), undefined),
  reasonParams: v.fallback(v.optional(reasonParamsSchema), undefined),
  linkIndex: v.optional(v.number()),
  url: v.optional(v.pipe(v.string(), v.maxLength(4000))),
  detail: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  // The address a delivery report is about (servers since issue #14). A malformed one is dropped.
  recipient: v.fallback(v.optional(v.pipe(v.string(), v.maxLength(320), v.email())), undefined),
});

export type ServerEvent = v.InferOutput<typeof serverEventSchema>;

/** The reason an event gives, as the timeline and the rows keep it. */
export function reasonOf(event: ServerEvent): Reason {
  return {
    text: [event.reason, event.detail].filter(Boolean).join(' — '),
    ...(event.reasonCode !== undefined ? { code: event.reasonCode } : {}),
    ...(event.reasonParams !== undefined ? { params: event.reasonParams } : {}),
    ...(event.detail ? { detail: event.detail } : {}),
  };
}
