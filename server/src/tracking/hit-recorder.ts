import type { Config } from '../config.ts';
import { classifyHit, type ClassifyRules } from '../classify/classify-hit.ts';
import { createNetworkLookup } from '../classify/networks.ts';
import type { MessageRecord, NewEvent, Repository } from '../storage/repository.ts';
import { BurstTracker } from './burst-tracker.ts';

export interface Hit {
  token: string;
  kind: 'view' | 'click';
  linkIndex: number | null;
  url: string | null;
  method: string;
  userAgent: string;
  ip: string;
  purpose: string;
  at: number;
}

interface Pending { hit: Hit; answer: (() => void) | null; tries: number }

export interface RecorderStats { queued: number; written: number; dropped: number; failedFlushes: number }

const MAX_BATCH = 5000;
const MAX_QUEUE = 200_000;
/** Past this the reply stops waiting for the commit: the image must come back even if storage hangs. */
const MAX_ANSWER_WAIT_MS = 1000;

/**
 * The one writer for hits. Route handlers hand a hit over and pass a callback that sends the GIF
 * or the redirect; the callback runs once the hit's batch has committed (or storage was given up
 * on), so every answered hit survives a kill -9 of this process.
 */
export class HitRecorder {
  readonly stats: RecorderStats = { queued: 0, written: 0, dropped: 0, failedFlushes: 0 };
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private flushing: Promise<void> | null = null;
  private stalled = false;
  private readonly rules: ClassifyRules;
  private readonly bursts: BurstTracker;
  private readonly repo: Repository;
  private readonly config: Config;
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(repo: Repository, config: Config, now: () => number, log: (message: string) => void) {
    this.repo = repo;
    this.config = config;
    this.now = now;
    this.log = log;
    this.rules = {
      scannerWindowMs: config.scannerWindowSeconds * 1000,
      selfViewWindowMs: config.selfViewWindowSeconds * 1000,
      mppWindowMs: config.mppWindowSeconds * 1000,
      networkOf: createNetworkLookup(config.extraScannerNetworks),
    };
    this.bursts = new BurstTracker(config.burstWindowSeconds * 1000, config.burstLinks);
  }

  /** Never throws and never awaits: the hot path stays synchronous. */
  record(hit: Hit, answer: () => void): void {
    if (this.queue.length >= MAX_QUEUE) {
      this.stats.dropped++;
      answer();
      return;
    }
    this.stats.queued++;
    if (this.stalled) {
      answer();
      this.queue.push({ hit, answer: null, tries: 0 });
    } else {
      this.queue.push({ hit, answer, tries: 0 });
    }
    this.schedule(this.config.flushIntervalMs);
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.immediate || this.flushing) return;
    const run = () => {
      this.timer = null;
      this.immediate = null;
      this.flushing = this.flush().finally(() => {
        this.flushing = null;
        if (this.queue.length > 0) this.schedule(this.stalled ? 500 : 0);
      });
    };
    // 0 ms: flush after the requests already read in this turn of the event loop; under load that
    // batches whatever arrived together without making any reply wait on a timer.
    if (delayMs === 0) this.immediate = setImmediate(run);
    else this.timer = setTimeout(run, delayMs);
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, MAX_BATCH);
    const answerAll = (list: Pending[]) => {
      for (const p of list) {
        p.answer?.();
        p.answer = null;
      }
    };
    const watchdog = setTimeout(() => {
      this.stalled = true;
      answerAll(batch);
      answerAll(this.queue);
    }, MAX_ANSWER_WAIT_MS);
    try {
      const tokens = [...new Set(batch.map((p) => p.hit.token))];
      const now = this.now();
      const { events, ids } = await this.repo.recordHits(tokens, (messages) => this.buildEvents(batch, messages), now);
      this.stats.written += ids.length;
      this.stalled = false;
      const relabel = this.assignIds(events, ids);
      if (relabel.length > 0) await this.repo.relabelEvents(relabel, 'scanner', this.bursts.reason);
      this.bursts.prune(now);
    } catch (error) {
      this.stats.failedFlushes++;
      this.log(`hit batch of ${batch.length} not stored: ${(error as Error).message}`);
      const retry = batch.filter((p) => ++p.tries < 3);
      this.stats.dropped += batch.length - retry.length;
      this.queue.unshift(...retry.slice(0, Math.max(0, MAX_QUEUE - this.queue.length)));
      this.stalled = true;
    } finally {
      clearTimeout(watchdog);
      answerAll(batch);
    }
  }

  private pendingBursts = new Map<NewEvent, { id: number | null }>();

  private buildEvents(batch: Pending[], messages: Map<string, MessageRecord>): NewEvent[] {
    const events: NewEvent[] = [];
    this.pendingBursts.clear();
    for (const { hit } of batch) {
      const message = messages.get(hit.token);
      if (!message || !message.tracking) continue;
      if (hit.kind === 'view' ? !this.config.trackOpens : !this.config.trackClicks) continue;
      const verdict = classifyHit({ ...hit, sentAt: message.sentAt, lastSelfViewAt: message.lastSelfViewAt }, this.rules);
      const keep = this.config.storeIpUa;
      const event: NewEvent = {
        accountId: message.accountId, messagePk: message.pk, messageId: message.messageId, type: hit.kind, at: hit.at,
        classification: verdict.classification, reason: verdict.reason, linkIndex: hit.linkIndex, url: hit.url,
        ip: keep ? hit.ip : null, ua: keep ? hit.userAgent.slice(0, 512) : null,
      };
      if (hit.kind === 'click' && hit.linkIndex !== null) {
        const { entry, relabel } = this.bursts.note(message.pk, hit.ip, hit.linkIndex, event);
        this.pendingBursts.set(event, entry);
        for (const id of relabel) this.relabelLater.add(id);
      }
      events.push(event);
    }
    return events;
  }

  private relabelLater = new Set<number>();

  private assignIds(events: NewEvent[], ids: number[]): number[] {
    events.forEach((event, i) => {
      const entry = this.pendingBursts.get(event);
      if (entry) entry.id = ids[i] ?? null;
    });
    this.pendingBursts.clear();
    const relabel = [...this.relabelLater];
    this.relabelLater.clear();
    return relabel;
  }

  /** Writes what is queued; used at shutdown and by tests that read the feed right after a hit. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.flushing || this.timer || this.immediate) {
      if (this.timer) clearTimeout(this.timer);
      if (this.immediate) clearImmediate(this.immediate);
      this.timer = null;
      this.immediate = null;
      if (this.flushing) await this.flushing;
      else if (this.queue.length > 0) await (this.flushing = this.flush().finally(() => { this.flushing = null; }));
    }
  }
}
