import { type EventReason, eventReason, secondsOf } from '../reasons/event-reasons.ts';
import type { NewEvent } from '../storage/repository.ts';

interface RecentClick {
  linkIndex: number;
  at: number;
  event: NewEvent;
  /** Set once the event is stored, so a later burst can re-label it. */
  id: number | null;
}

/**
 * Remembers, for a few seconds and in memory only, which links of a message one address clicked:
 * three or more distinct links within the window is a scanner walking the message, not a reader.
 * The address is never stored for this, so it works with STORE_IP_UA off.
 */
export class BurstTracker {
  private readonly recent = new Map<string, RecentClick[]>();
  private readonly windowMs: number;
  private readonly minLinks: number;
  readonly reason: EventReason;

  constructor(windowMs: number, minLinks: number) {
    this.windowMs = windowMs;
    this.minLinks = minLinks;
    this.reason = eventReason('scanner.clickBurst', { links: minLinks, windowSeconds: secondsOf(windowMs) });
  }

  /** Notes a click; when it completes a burst, labels it and the earlier ones. Returns stored ids to re-label. */
  note(messagePk: number, ip: string, linkIndex: number, event: NewEvent): { entry: RecentClick; relabel: number[] } {
    const key = `${messagePk}|${ip}`;
    const list = (this.recent.get(key) ?? []).filter((c) => event.at - c.at <= this.windowMs);
    const entry: RecentClick = { linkIndex, at: event.at, event, id: null };
    list.push(entry);
    this.recent.set(key, list);
    const relabel: number[] = [];
    if (new Set(list.map((c) => c.linkIndex)).size >= this.minLinks) {
      for (const click of list) {
        const e = click.event;
        if (e.classification !== 'human' && e.classification !== 'unknown' && e.classification !== 'proxy') continue;
        Object.assign<NewEvent, Partial<NewEvent>>(e, { classification: 'scanner', ...this.reason });
        if (click.id !== null) relabel.push(click.id);
      }
    }
    return { entry, relabel };
  }

  /** Drops entries older than the window; BatchWriter calls it after each batch so memory stays bounded. */
  prune(now: number): void {
    for (const [key, list] of this.recent) {
      if (list.every((c) => now - c.at > this.windowMs)) this.recent.delete(key);
    }
  }
}
