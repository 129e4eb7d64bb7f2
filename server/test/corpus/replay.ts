// Replays the corpus through a real server (test/support/harness.ts: real createServer, real
// storage, fake clock) and reads back what it stored for each hit.
import type { Classification } from '../../src/storage/repository.ts';
import { type Harness, startHarness, T0 } from '../support/harness.ts';
import { type ConfusionMatrix, confusionMatrix, type Outcome } from './confusion-matrix.ts';
import { type Corpus, type CorpusCase, type CorpusHit, loadCorpus, userAgentOf } from './corpus.ts';

/** Cases are laid end to end on the fake clock, this far apart, so time only moves forward. */
const CASE_GAP_MS = 3_600_000;
/** The rep's self-view is posted this long before a hit marked selfViewBefore. */
const SELF_VIEW_LEAD_MS = 1_000;

interface Replayed {
  corpusCase: CorpusCase;
  messageId: string;
}

export function messageIdFor(c: CorpusCase): string {
  return `corpus-${c.id}`;
}

function path(url: string): string {
  return new URL(url).pathname;
}

async function registerCase(h: Harness, c: CorpusCase, sentAt: number) {
  const links = Array.from({ length: c.links }, (_, i) => `https://example.com/${c.id}/${i}`);
  const res = await h.server.app.inject({
    method: 'POST',
    url: '/v1/messages',
    headers: h.auth,
    payload: { messageId: messageIdFor(c), sentAt: new Date(sentAt).toISOString(), links },
  });
  if (res.statusCode !== 201) throw new Error(`register ${c.id}: ${res.statusCode} ${res.body}`);
  const body = res.json() as { pixelUrl: string; clickUrls: (string | null)[] };
  return { pixel: path(body.pixelUrl), clicks: body.clickUrls.map((u) => (u ? path(u) : null)) };
}

async function postSelfView(h: Harness, messageId: string): Promise<void> {
  const res = await h.server.app.inject({
    method: 'POST',
    url: '/v1/self-view',
    headers: h.auth,
    payload: { messageId },
  });
  if (res.statusCode !== 204) throw new Error(`self-view ${messageId}: ${res.statusCode} ${res.body}`);
}

async function sendHit(h: Harness, hit: CorpusHit, url: string): Promise<void> {
  // An undefined user-agent stops inject from adding its own, so the request has none at all.
  const headers: Record<string, string | undefined> = { ...hit.headers, 'user-agent': userAgentOf(hit) ?? undefined };
  const res = await h.server.app.inject({ method: hit.method, url, headers, remoteAddress: hit.ip });
  const want = hit.type === 'view' ? 200 : 302;
  if (res.statusCode !== want) throw new Error(`${hit.method} ${url}: ${res.statusCode} ${res.body}`);
  // The hit writer runs all the time in production: later self-views must find this hit stored.
  await h.server.hitJournal.drain();
}

async function replayCase(h: Harness, c: CorpusCase, sentAt: number): Promise<number> {
  h.clock.now = sentAt;
  const urls = await registerCase(h, c, sentAt);
  let at = sentAt;
  for (const hit of c.hits) {
    at = sentAt + Math.round(hit.afterSendSeconds * 1000);
    if (hit.selfViewBefore) {
      h.clock.now = at - SELF_VIEW_LEAD_MS;
      await postSelfView(h, messageIdFor(c));
    }
    h.clock.now = at;
    const url = hit.type === 'view' ? urls.pixel : urls.clicks[hit.link ?? -1];
    if (!url) throw new Error(`${c.id}: no click URL for link ${hit.link}`);
    await sendHit(h, hit, url);
  }
  return at;
}

async function readAllEvents(h: Harness): Promise<Record<string, unknown>[]> {
  const events: Record<string, unknown>[] = [];
  let after = '0';
  for (;;) {
    const page = await h.events(after, 500);
    events.push(...page.events);
    if (!page.more) return events;
    after = page.next;
  }
}

/** Matches each case's hits, in order, to the view and click events stored for its message. */
function outcomesOf(replayed: Replayed[], events: Record<string, unknown>[]): Outcome[] {
  const byMessage = new Map<string, Record<string, unknown>[]>();
  for (const e of events) {
    if (e.type !== 'view' && e.type !== 'click') continue;
    const id = String(e.messageId);
    byMessage.set(id, [...(byMessage.get(id) ?? []), e]);
  }
  return replayed.flatMap(({ corpusCase: c, messageId }) => {
    const stored = byMessage.get(messageId) ?? [];
    return c.hits.map((hit, hitIndex): Outcome => {
      const e = stored[hitIndex];
      const matches = e && e.type === hit.type && (hit.type === 'view' || e.linkIndex === hit.link);
      return {
        caseId: c.id,
        hitIndex,
        expect: hit.expect,
        got: matches ? (e.classification as Classification | null) : null,
        reason: matches ? String(e.reason) : `no ${hit.type} event stored at position ${hitIndex}`,
      };
    });
  });
}

/** Sends every hit of the corpus to the harness's server and returns what it stored for each. */
export async function replayCorpus(h: Harness, corpus: Corpus): Promise<Outcome[]> {
  const replayed: Replayed[] = [];
  let start = T0;
  for (const c of corpus.cases) {
    const end = await replayCase(h, c, start);
    replayed.push({ corpusCase: c, messageId: messageIdFor(c) });
    start = end + CASE_GAP_MS;
  }
  return outcomesOf(replayed, await readAllEvents(h));
}

/**
 * The whole measurement in one call, for code outside the test runner (the benchmark doc):
 * a fresh server on the storage backend of TEST_BACKEND, the corpus replayed, the matrix.
 */
export async function measureCorpus(corpus: Corpus = loadCorpus()): Promise<ConfusionMatrix> {
  const h = await startHarness();
  try {
    return confusionMatrix(await replayCorpus(h, corpus));
  } finally {
    await h.close();
  }
}
