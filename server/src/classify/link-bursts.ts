import { type EventReason, eventReason, secondsOf } from '../reasons/event-reasons.ts';
import type { Classification, NewEvent } from '../storage/repository.ts';

/** One click of a message as the burst rule sees it: stored already (with its id) or in this batch. */
export interface SeenClick {
  at: number;
  linkIndex: number;
  classification: Classification | null;
  /** Null until stored. */
  id: number | null;
  /** This batch's event, re-labelled in place before it is stored; null for a stored click. */
  event: NewEvent | null;
}

/**
 * Two links of one message clicked this close together: no hand moves from one link to another and
 * clicks again in under a third of a second (a double click is one link).
 */
const TWIN_MS = 300;

/** Labels a burst may overrule: the ones a hit's own evidence could not settle as a machine's. */
const OVERRULED: ReadonlySet<Classification | null> = new Set(['human', 'unknown', 'proxy']);

/**
 * Clicks on `minLinks` or more distinct links of one message within `windowMs` are a machine
 * walking the message, whatever addresses and user agents it rotates through: a person opening
 * links in new tabs takes seconds for each (a scanner takes milliseconds). The rule reads the
 * message's stored clicks as well as this batch's, so servers sharing one database judge alike.
 */
export class LinkBursts {
  private readonly windowMs: number;
  private readonly minLinks: number;
  private readonly burstReason: EventReason;
  private readonly twinReason = eventReason('scanner.linkBurst', { links: 2, windowSeconds: secondsOf(TWIN_MS) });

  constructor(windowMs: number, minLinks: number) {
    this.windowMs = windowMs;
    this.minLinks = minLinks;
    this.burstReason = eventReason('scanner.linkBurst', { links: minLinks, windowSeconds: secondsOf(windowMs) });
  }

  /** How far back a message's stored clicks matter to a click at `at`. */
  since(at: number): number {
    return at - this.windowMs;
  }

  /**
   * Adds `click` to its message's clicks; when it makes a burst, re-labels every click of the burst
   * that only its own evidence had judged. Returns the stored ids to re-label in storage, with the
   * reason to give them.
   */
  note(clicks: SeenClick[], click: SeenClick): { ids: number[]; reason: EventReason } | null {
    clicks.push(click);
    const burst = this.spanWith(clicks, click, this.windowMs, this.minLinks);
    const twins = burst ? null : this.spanWith(clicks, click, TWIN_MS, 2);
    const near = burst ?? twins;
    if (!near) return null;
    const reason = burst ? this.burstReason : this.twinReason;
    const ids: number[] = [];
    for (const c of near) {
      if (!OVERRULED.has(c.classification)) continue;
      c.classification = 'scanner';
      if (c.event) Object.assign<NewEvent, Partial<NewEvent>>(c.event, { classification: 'scanner', ...reason });
      if (c.id !== null) ids.push(c.id);
    }
    return { ids, reason };
  }

  /**
   * The clicks of a span of `windowMs` that holds `click` and `minLinks` distinct links, or null.
   * Spans on either side of it count: two servers may store a burst's clicks out of order.
   */
  private spanWith(clicks: SeenClick[], click: SeenClick, windowMs: number, minLinks: number): SeenClick[] | null {
    const near = clicks.filter((c) => Math.abs(c.at - click.at) <= windowMs).sort((a, b) => a.at - b.at);
    for (const first of near) {
      if (first.at > click.at) break;
      const span = near.filter((c) => c.at >= first.at && c.at <= first.at + windowMs);
      if (span.includes(click) && new Set(span.map((c) => c.linkIndex)).size >= minLinks) return span;
    }
    return null;
  }
}
