import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CLASSIFICATIONS } from '../../lib/db/records';
import { DEMO_EVENT_REASONS, DEMO_WARNING_REASON } from '../../lib/demo/demo-reasons';
import { serverEventSchema } from '../../lib/tracking/server-event';
import { presentEvent } from '../../server/src/http/present-event.ts';
import { eventReason, REASON_CODES, type ReasonCode } from '../../server/src/reasons/event-reasons.ts';
import {
  type FeedEvent,
  CLASSIFICATIONS as SERVER_CLASSIFICATIONS,
  EVENT_TYPES as SERVER_EVENT_TYPES,
} from '../../server/src/storage/repository.ts';

// The extension and the server each spell out the feed's vocabulary (lib/db/records.ts,
// lib/tracking/apply-event.ts; server/src/storage/repository.ts) and nothing else makes them
// agree. A classification or event type only one side knows would have the extension refuse
// every such event, so the feed would stall on it; these tests read both sides' own lists.

const sorted = (list: readonly string[]) => [...list].sort();

/** What the feed's JSON carries: presentEvent's answer after JSON.stringify on the server side. */
const overTheWire = (event: FeedEvent): unknown => JSON.parse(JSON.stringify(presentEvent(event)));

const feedEvent = (overrides: Partial<FeedEvent>): FeedEvent => ({
  cursor: '812-17',
  messageId: 'msg-1',
  type: 'view',
  at: Date.parse('2026-11-25T10:00:00.000Z'),
  classification: 'human',
  reason: 'human: browser',
  reasonCode: 'human.browser',
  reasonParams: null,
  linkIndex: null,
  url: null,
  detail: null,
  recipient: null,
  ...overrides,
});

describe('the server feed and the extension agree', () => {
  it('on every classification of a hit', () => {
    expect(sorted(CLASSIFICATIONS)).toEqual(sorted(SERVER_CLASSIFICATIONS));
    // The schema is what actually refuses an event, so read its list as well as the records'.
    expect(sorted(serverEventSchema.entries.classification.wrapped.options)).toEqual(sorted(SERVER_CLASSIFICATIONS));
  });

  it('on every type of event', () => {
    expect(sorted(serverEventSchema.entries.type.options)).toEqual(sorted(SERVER_EVENT_TYPES));
  });

  it('reads every event type, with every classification a hit can have, as the feed presents it', () => {
    for (const type of SERVER_EVENT_TYPES) {
      const hit = type === 'view' || type === 'click';
      // Any real reason will do: this is about the shape, not which reason goes with which label.
      const events = hit
        ? SERVER_CLASSIFICATIONS.map((classification) =>
            feedEvent({
              type,
              classification,
              ...eventReason('scanner.tooSoonAfterSend', { seconds: 4.2, windowSeconds: 30 }),
              ...(type === 'click' ? { linkIndex: 2, url: 'https://example.com/pricing?ref=mail' } : {}),
            }),
          )
        : [
            feedEvent({
              type,
              classification: null,
              ...eventReason('bounce.hard', { status: '5.1.1' }),
              detail: '550 5.1.1 <ann@example.com>: user unknown',
              recipient: 'ann@example.com',
            }),
          ];
      for (const event of events) {
        const wire = overTheWire(event);
        const parsed = v.safeParse(serverEventSchema, wire);
        expect(parsed.issues, `${type}/${event.classification}`).toBeUndefined();
        // Nothing quietly dropped either (a malformed reasonCode or reasonParams falls back to none).
        expect(parsed.output).toEqual(wire);
      }
    }
  });

  it('reads an event stored before reasons had codes, whose empty fields the feed leaves out', () => {
    const wire = overTheWire(feedEvent({ reasonCode: null, reasonParams: null, reason: 'human: browser' }));
    expect(wire).not.toHaveProperty('reasonCode');
    expect(v.parse(serverEventSchema, wire)).toEqual(wire);
  });

  it('keeps every reason code the server has, rather than dropping it as malformed', () => {
    const dropped = REASON_CODES.filter(
      (code) => v.parse(serverEventSchema, overTheWire(feedEvent({ reasonCode: code }))).reasonCode !== code,
    );
    expect(dropped).toEqual([]);
  });
});

describe('the demo mailbox', () => {
  it('carries reasons word for word as the server writes them', () => {
    for (const reason of [
      ...Object.values(DEMO_EVENT_REASONS),
      { ...DEMO_WARNING_REASON, text: DEMO_WARNING_REASON.text.split(' — ')[0] ?? '' },
    ]) {
      expect(REASON_CODES).toContain(reason.code);
      const written = (eventReason as (code: ReasonCode, params?: object) => { reason: string })(
        reason.code as ReasonCode,
        reason.params,
      );
      expect(reason.text).toBe(written.reason);
    }
  });
});
