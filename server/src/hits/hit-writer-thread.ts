// The hit writer: the worker thread that reads the hit journal the HTTP thread appends to, in
// large batches, and hands each batch to a BatchWriter (batch-writer.ts), which classifies the hits
// and stores them as events with this thread's own storage connection, so that none of this work
// sits on the thread that answers pixel requests.
import { unlinkSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { openNetworkDirectory } from '../classify/network-directory.ts';
import { openStorage } from '../storage/open-storage.ts';
import type { JournalPosition, Repository } from '../storage/repository.ts';
import { BatchWriter } from './batch-writer.ts';
import type { Hit } from './hit-from-request.ts';
import type { FromWriter, ToWriter, WriterData } from './hit-writer-protocol.ts';
import { decodeHit, listSegments, readLines, segmentPath, syncSegments } from './journal-files.ts';

/** Read at most this much per transaction. */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
/**
 * Once the journal is written to its end, the writer rests this long, so each transaction carries
 * many hits: at 2 cores, resting 20 ms instead cost a sixth of the pixel's throughput (BENCHMARKS.md).
 * The feed does not wait for it: a feed request asks for a drain (read-your-writes).
 */
const REST_MS = 250;
const readBuffer = Buffer.allocUnsafe(MAX_BATCH_BYTES);
/** How often the journal is synced to the disk: what an OS crash can take at most. */
const SYNC_MS = 1000;
const RETRY_MS = [500, 1000, 2000, 5000];

const port = parentPort;
if (!port) throw new Error('hit-writer-thread.ts runs as a worker thread only');
const post = (message: FromWriter) => port.postMessage(message);
const log = (message: string) => post({ kind: 'log', message });
const { config, dir, journalId } = workerData as WriterData;

let closing = false;
let drains: { id: number; segment: number; offset: number }[] = [];
let wake: (() => void) | null = null;
const pause = (ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      wake = null;
      resolve();
    }, ms);
    wake = () => {
      clearTimeout(timer);
      wake = null;
      resolve();
    };
  });

port.on('message', (message: ToWriter) => {
  if (message.kind === 'drain') drains.push(message);
  else if (message.kind === 'close') closing = true;
  wake?.();
});

/** Answers the drains whose place in the journal is written; all of them when `all`. */
function answerDrains(position: JournalPosition, all: boolean): void {
  const reached = (d: { segment: number; offset: number }) =>
    all || position.segment > d.segment || (position.segment === d.segment && position.offset >= d.offset);
  for (const d of drains) if (reached(d)) post({ kind: 'drained', id: d.id });
  drains = drains.filter((d) => !reached(d));
}

/** Where the writer reads next, and the position storage holds (null before the first batch). */
interface Place {
  position: JournalPosition;
  committed: JournalPosition | null;
}

/** One step: writes one batch, or moves past a finished segment. Null when there is nothing to read. */
async function step(
  repo: Repository,
  batchWriter: BatchWriter,
  { position, committed }: Place,
): Promise<(Place & { more: boolean }) | null> {
  const segments = listSegments(dir).filter((n) => n >= position.segment);
  const first = segments[0];
  if (first === undefined) return null;
  const at = first > position.segment ? { journalId, segment: first, offset: 0 } : position;
  const { lines, bytes, tail, full } = readLines(segmentPath(dir, at.segment), at.offset, readBuffer);
  if (lines.length > 0) {
    const hits: Hit[] = [];
    for (const line of lines) {
      const hit = decodeHit(line);
      if (hit) hits.push(hit);
      else log(`journal segment ${at.segment}: skipped a line that is not a hit (${line.slice(0, 80)})`);
    }
    const next = { ...at, offset: at.offset + bytes };
    const now = hits.reduce((latest, hit) => Math.max(latest, hit.at), 0) || Date.now();
    if ((await batchWriter.write(hits, now, { from: committed, to: next })) === null) {
      // Stored already: a commit went through whose answer was lost. Resume where storage says.
      const stored = await repo.journalPosition(journalId);
      log('a batch of hits was stored already (its commit’s answer was lost); resuming after it');
      return { position: stored ?? position, committed: stored, more: true };
    }
    return { position: next, committed: next, more: full };
  }
  // The listing was taken before this read, so when it already showed a newer segment, the HTTP
  // thread had stopped appending here before the read: the segment is finished.
  const newer = segments[1];
  if (newer === undefined) return at === position ? null : { position: at, committed, more: true };
  if (tail > 0) log(`journal segment ${at.segment}: dropped a torn last line of ${tail} bytes`);
  unlinkSync(segmentPath(dir, at.segment));
  return { position: { journalId, segment: newer, offset: 0 }, committed, more: true };
}

async function run(): Promise<void> {
  // Opened here, once a thread: the ~10 MB of ranges stay off the thread that answers pixels.
  const networks = openNetworkDirectory(config);
  post({ kind: 'networks', status: networks.status, summary: networks.summary });
  const repo = await openStorage(config, { checkpoints: false });
  const batchWriter = new BatchWriter(repo, config, networks);
  const stored = await repo.journalPosition(journalId);
  let place: Place = { position: stored ?? { journalId, segment: 0, offset: 0 }, committed: stored };
  let ready = false;
  let failures = 0;
  let syncedAt = 0;
  for (;;) {
    if (Date.now() - syncedAt >= SYNC_MS) {
      syncSegments(dir, place.position.segment);
      syncedAt = Date.now();
    }
    let result: Awaited<ReturnType<typeof step>>;
    try {
      result = await step(repo, batchWriter, place);
      if (failures > 0) log(`hit batches stored again, after ${failures} failed tries`);
      failures = 0;
    } catch (error) {
      // Storage is down, full or refused the batch: the hits stay in the journal and are tried
      // again (recordHits finds a batch whose commit went through but whose answer was lost).
      const delay = RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)] ?? 5000;
      if (failures === 1) log(`hit batch not stored, retrying until it is: ${(error as Error).message}`);
      if (closing) break;
      await pause(delay);
      continue;
    }
    if (result) {
      place = result;
      answerDrains(place.position, false);
      if (result.more || drains.length > 0 || closing || !ready) continue;
      await pause(REST_MS);
      continue;
    }
    // Written to the end of the journal.
    if (!ready) {
      ready = true;
      post({ kind: 'ready' });
    }
    answerDrains(place.position, true);
    if (closing) break;
    await pause(REST_MS);
  }
  await repo.close();
  post({ kind: 'closed' });
  port?.close();
}

run().catch((error: Error) => {
  post({ kind: 'failed', message: error.message });
  port.close();
});
