import { BurstTracker } from '../classify/burst-tracker.ts';
import { type ClassifyRules, classifyHit } from '../classify/classify-hit.ts';
import type { NetworkLookup } from '../classify/network-kinds.ts';
import { legacyNetworkLookup } from '../classify/networks.ts';
import type { Config } from '../config.ts';
import type { JournalMove, MessageRecord, NewEvent, Repository } from '../storage/repository.ts';
import type { Hit } from './hit-from-request.ts';

/**
 * Turns one batch of journaled hits into classified events and stores them in one transaction,
 * together with the journal position they were read up to. Used by the hit writer thread
 * (hit-writer-thread.ts), the only writer of hit events, so the burst memory below sees every click.
 */
export class BatchWriter {
  private readonly rules: ClassifyRules;
  private readonly bursts: BurstTracker;
  private readonly repo: Repository;
  private readonly config: Config;

  /** `networks` is the thread's network directory (network-directory.ts), opened once. */
  constructor(repo: Repository, config: Config, networks: NetworkLookup) {
    this.repo = repo;
    this.config = config;
    this.rules = {
      scannerWindowMs: config.scannerWindowSeconds * 1000,
      selfViewWindowMs: config.selfViewWindowSeconds * 1000,
      mppWindowMs: config.mppWindowSeconds * 1000,
      networkOf: legacyNetworkLookup(networks),
    };
    this.bursts = new BurstTracker(config.burstWindowSeconds * 1000, config.burstLinks);
  }

  /**
   * `now` is the writing time; the journal carries the HTTP thread's clock, so it is the last hit's
   * time. Null when `read` was stale (the batch is stored already): the caller reads the position again.
   */
  async write(hits: Hit[], now: number, read?: JournalMove): Promise<number | null> {
    const tokens = [...new Set(hits.map((hit) => hit.token))];
    const burstEntries = new Map<NewEvent, { id: number | null }>();
    const relabel = new Set<number>();
    const { events, ids, stale } = await this.repo.recordHits(
      tokens,
      (messages) => this.buildEvents(hits, messages, burstEntries, relabel),
      now,
      read,
    );
    if (stale) return null;
    events.forEach((event, i) => {
      const entry = burstEntries.get(event);
      if (entry) entry.id = ids[i] ?? null;
    });
    if (relabel.size > 0) await this.repo.relabelEvents([...relabel], 'scanner', this.bursts.reason);
    this.bursts.prune(now);
    return ids.length;
  }

  private buildEvents(
    hits: Hit[],
    messages: Map<string, MessageRecord>,
    burstEntries: Map<NewEvent, { id: number | null }>,
    relabel: Set<number>,
  ): NewEvent[] {
    const events: NewEvent[] = [];
    burstEntries.clear();
    relabel.clear();
    for (const hit of hits) {
      const message = messages.get(hit.token);
      if (!message?.tracking) continue;
      if (hit.kind === 'view' ? !this.config.trackOpens : !this.config.trackClicks) continue;
      const verdict = classifyHit(
        { ...hit, sentAt: message.sentAt, lastSelfViewAt: message.lastSelfViewAt },
        this.rules,
      );
      const keep = this.config.storeIpUa;
      const event: NewEvent = {
        accountId: message.accountId,
        messagePk: message.pk,
        messageId: message.messageId,
        type: hit.kind,
        at: hit.at,
        ...verdict,
        linkIndex: hit.linkIndex,
        url: hit.url,
        ip: keep ? hit.ip : null,
        ua: keep ? hit.userAgent.slice(0, 512) : null,
      };
      if (hit.kind === 'click' && hit.linkIndex !== null) {
        const { entry, relabel: earlier } = this.bursts.note(message.pk, hit.ip, hit.linkIndex, event);
        burstEntries.set(event, entry);
        for (const id of earlier) relabel.add(id);
      }
      events.push(event);
    }
    return events;
  }
}
