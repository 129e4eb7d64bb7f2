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
  readonly reason: EventReason;

  constructor(windowMs: number, minLinks: number) {
    this.windowMs = windowMs;
    this.minLinks = minLinks;
    this.reason = eventReason('scanner.linkBurst', { links: minLinks, windowSeconds: secondsOf(windowMs) });
  }

  /** How far back a message's stored clicks matter to a click at `at`. */
  since(at: number): number {
    return at - this.windowMs;
  }

  /**
   * Adds `click` to its message's clicks; when it makes a burst, re-labels every click of the burst
   * that only its own evidence had judged. Returns the stored ids to re-label in storage.
   */
  note(clicks: SeenClick[], click: SeenClick): number[] {
    clicks.push(click);
    const near = this.burstWith(clicks, click);
    if (!near) return [];
    const relabel: number[] = [];
    for (const c of near) {
      if (!OVERRULED.has(c.classification)) continue;
      c.classification = 'scanner';
      if (c.event) Object.assign<NewEvent, Partial<NewEvent>>(c.event, { classification: 'scanner', ...this.reason });
      if (c.id !== null) relabel.push(c.id);
    }
    return relabel;
  }

  /**
   * The clicks of a span of `windowMs` that holds `click` and `minLinks` distinct links, or null.
   * Spans on either side of it count: two servers may store a burst's clicks out of order.
   */
  private burstWith(clicks: SeenClick[], click: SeenClick): SeenClick[] | null {
    const near = clicks.filter((c) => Math.abs(c.at - click.at) <= this.windowMs).sort((a, b) => a.at - b.at);
    for (const first of near) {
      if (first.at > click.at) break;
      const span = near.filter((c) => c.at >= first.at && c.at <= first.at + this.windowMs);
      if (span.includes(click) && new Set(span.map((c) => c.linkIndex)).size >= this.minLinks) return span;
    }
    return null;
  }
}
