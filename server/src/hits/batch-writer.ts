import { type ClassifyRules, classifyHit } from '../classify/classify-hit.ts';
import { LinkBursts, type SeenClick } from '../classify/link-bursts.ts';
import type { AsnDatabaseStatus, NetworkLookup } from '../classify/network-kinds.ts';
import { UserAgentClassifier } from '../classify/user-agent-class.ts';
import type { Config } from '../config.ts';
import type { EventReason } from '../reasons/event-reasons.ts';
import type { HitHistory, JournalMove, MessageRecord, NewEvent, Repository } from '../storage/repository.ts';
import type { Hit } from './hit-from-request.ts';

/**
 * Turns one batch of journaled hits into classified events and stores them in one transaction,
 * together with the journal position they were read up to. Used by the hit writer thread
 * (hit-writer-thread.ts). The message's other hits are read from storage in the same transaction,
 * so servers that share one database judge a burst spread over them alike.
 */
export class BatchWriter {
  private readonly rules: ClassifyRules;
  private readonly bursts: LinkBursts;
  private readonly agents = new UserAgentClassifier();
  private readonly networkOf: NetworkLookup;
  private readonly repo: Repository;
  private readonly config: Config;

  constructor(repo: Repository, config: Config, networks: { lookup: NetworkLookup; status: AsnDatabaseStatus }) {
    this.repo = repo;
    this.config = config;
    this.networkOf = networks.lookup;
    this.rules = {
      scannerWindowMs: config.scannerWindowSeconds * 1000,
      selfViewWindowMs: config.selfViewWindowSeconds * 1000,
      mppWindowMs: config.mppWindowSeconds * 1000,
      addressesKnown: networks.status.loaded,
    };
    this.bursts = new LinkBursts(config.burstWindowSeconds * 1000, config.burstLinks);
  }

  /**
   * `now` is the writing time; the journal carries the HTTP thread's clock, so it is the last hit's
   * time. Null when `read` was stale (the batch is stored already): the caller reads the position again.
   */
  async write(hits: Hit[], now: number, read?: JournalMove): Promise<number | null> {
    const tokens = [...new Set(hits.map((hit) => hit.token))];
    const relabel = new Map<number, EventReason>();
    // Only bursts read the message's stored hits, and only its clicks: a batch of views reads none.
    const clicks = hits.filter((hit) => hit.kind === 'click');
    const history = clicks.length
      ? {
          since: this.bursts.since(clicks.reduce((first, hit) => Math.min(first, hit.at), now)),
          tokens: [...new Set(clicks.map((hit) => hit.token))],
          types: ['click'] as const,
        }
      : undefined;
    const { ids, stale } = await this.repo.recordHits(
      tokens,
      (messages, history) => this.buildEvents(hits, messages, history, relabel),
      now,
      read,
      {
        ...(history ? { history } : {}),
        relabel: () => groupByReason(relabel).map(([reason, ids]) => ({ ids, classification: 'scanner', reason })),
      },
    );
    return stale ? null : ids.length;
  }

  private buildEvents(
    hits: Hit[],
    messages: Map<string, MessageRecord>,
    history: HitHistory,
    relabel: Map<number, EventReason>,
  ): NewEvent[] {
    // A retried transaction builds again from scratch.
    relabel.clear();
    const events: NewEvent[] = [];
    const clicksOf = new Map<number, SeenClick[]>();
    const clicks = (messagePk: number): SeenClick[] => {
      let list = clicksOf.get(messagePk);
      if (!list) {
        list = (history.get(messagePk) ?? [])
          .filter((h) => h.type === 'click' && h.linkIndex !== null)
          .map((h) => ({
            at: h.at,
            linkIndex: h.linkIndex ?? 0,
            classification: h.classification,
            id: h.id,
            event: null,
          }));
        clicksOf.set(messagePk, list);
      }
      return list;
    };
    for (const hit of hits) {
      const message = messages.get(hit.token);
      if (!message?.tracking) continue;
      if (hit.kind === 'view' ? !this.config.trackOpens : !this.config.trackClicks) continue;
      const verdict = classifyHit(
        {
          ...hit,
          sentAt: message.sentAt,
          lastSelfViewAt: message.lastSelfViewAt,
          network: this.networkOf(hit.ip),
          agent: this.agents.classify(hit.userAgent),
        },
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
        const click: SeenClick = {
          at: hit.at,
          linkIndex: hit.linkIndex,
          classification: event.classification,
          id: null,
          event,
        };
        const burst = this.bursts.note(clicks(message.pk), click);
        if (burst) for (const id of burst.ids) relabel.set(id, burst.reason);
      }
      events.push(event);
    }
    return events;
  }
}

/** Stored clicks to re-label, grouped so each reason is one UPDATE. */
function groupByReason(relabel: Map<number, EventReason>): [EventReason, number[]][] {
  const groups = new Map<string, [EventReason, number[]]>();
  for (const [id, reason] of relabel) {
    const group = groups.get(reason.reason) ?? [reason, []];
    group[1].push(id);
    groups.set(reason.reason, group);
  }
  return [...groups.values()];
}
