import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import type { Hit } from './hit-from-request.ts';
import type { FromWriter, ToWriter, WriterData } from './hit-writer-protocol.ts';
import {
  encodeHit,
  listSegments,
  lockJournalDir,
  openJournalDir,
  SEGMENT_BYTES,
  segmentPath,
} from './journal-files.ts';

/** Lines kept in memory while the journal cannot be written (disk full); beyond this hits are dropped. */
const MAX_UNWRITTEN = 200_000;
const RESTART_DELAY_MS = 1000;
const CLOSE_WAIT_MS = 10_000;

/**
 * Where route handlers hand hits. Each turn of the event loop, the hits read in it are appended to
 * the journal in one write, and only then are their answers (the GIF, the redirect) sent: an
 * answered hit is on disk and survives a kill -9. The hit writer thread (hit-writer-thread.ts) turns
 * the journal into events; it may lag, stop or restart without a reply ever waiting for it.
 */
export class HitJournal {
  /** Hits appended to the journal since start. */
  journaled = 0;
  private readonly dir: string;
  private readonly journalId: string;
  private unlock: (() => void) | null = null;
  private fd = -1;
  private segment = 0;
  private size = 0;
  private lines: string[] = [];
  private answers: (() => void)[] = [];
  private flushScheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private worker: Worker | null = null;
  private closing = false;
  private nextDrainId = 0;
  private readonly drains = new Map<number, () => void>();
  private readonly config: Config;
  private readonly log: (message: string) => void;

  private constructor(config: Config, log: (message: string) => void) {
    this.config = config;
    this.log = log;
    this.dir = journalDir(config);
    this.journalId = openJournalDir(this.dir);
  }

  /**
   * Opens a new segment (a run never appends to an earlier run's file, whose last line may be
   * torn) and starts the writer; resolves once the journal left by an earlier run is written.
   */
  static async open(config: Config, log: (message: string) => void): Promise<HitJournal> {
    const journal = new HitJournal(config, log);
    journal.unlock = lockJournalDir(journal.dir);
    try {
      journal.startSegment((listSegments(journal.dir).at(-1) ?? 0) + 1);
      await journal.spawn();
    } catch (error) {
      journal.closing = true;
      journal.release();
      throw error;
    }
    return journal;
  }

  /** Never throws and never awaits; `answer` sends the reply once the hit is on disk (or could not be). */
  record(hit: Hit, answer: () => void): void {
    if (this.lines.length >= MAX_UNWRITTEN) {
      answer();
      return;
    }
    this.lines.push(encodeHit(hit));
    this.answers.push(answer);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // After the requests already read in this turn: one write carries them all.
      setImmediate(() => this.flush());
    }
  }

  /**
   * Resolves when every hit recorded so far is stored as an event (the feed reads its writes this
   * way), or after `timeoutMs` if the writer is stuck (storage down): the caller then reads what is there.
   */
  async drain(timeoutMs = Infinity): Promise<void> {
    this.flush();
    if (!this.worker) return;
    const id = this.nextDrainId++;
    const drained = new Promise<void>((resolve) => this.drains.set(id, resolve));
    this.post({ kind: 'drain', id, segment: this.segment, offset: this.size });
    if (timeoutMs === Infinity) return drained;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      drained,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    this.drains.delete(id);
  }

  async close(): Promise<void> {
    this.flush();
    this.closing = true;
    const worker = this.worker;
    if (worker) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      this.post({ kind: 'close' });
      const timer = new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref());
      if ((await Promise.race([exited.then(() => 'exited'), timer])) !== 'exited') {
        this.log('hit writer did not finish in time; the rest of the journal is written at the next start');
        await worker.terminate();
      }
    }
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.release();
  }

  private release(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    this.unlock?.();
    this.unlock = null;
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.lines.length === 0) return;
    const bytes = Buffer.from(this.lines.join(''));
    const answers = this.answers;
    try {
      if (this.fd < 0) this.startSegment(this.segment + 1);
      let written = 0;
      while (written < bytes.length) written += writeSync(this.fd, bytes, written);
      this.size += bytes.length;
      this.journaled += this.lines.length;
      this.lines = [];
      if (this.size >= SEGMENT_BYTES) this.startSegment(this.segment + 1);
    } catch (error) {
      // The image must come back even so; the lines stay here and are written with the next batch,
      // in a fresh segment in case this write left half a line behind.
      this.log(`hit journal not written (${this.lines.length} hits kept in memory): ${(error as Error).message}`);
      if (this.fd >= 0) closeSync(this.fd);
      this.fd = -1;
      this.retryTimer ??= setTimeout(() => {
        this.retryTimer = null;
        this.flush();
      }, 1000);
    }
    this.answers = [];
    for (const answer of answers) answer();
  }

  private startSegment(segment: number): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    // Set only once open: if opening fails, the next flush tries again (see flush).
    this.fd = openSync(segmentPath(this.dir, segment), 'a');
    this.segment = segment;
    this.size = 0;
  }

  private spawn(): Promise<void> {
    const workerData: WriterData = { config: this.config, dir: this.dir, journalId: this.journalId };
    const worker = new Worker(new URL('./hit-writer-thread.ts', import.meta.url), { workerData });
    this.worker = worker;
    return new Promise((resolve, reject) => {
      worker.on('message', (message: FromWriter) => {
        if (message.kind === 'ready') resolve();
        else if (message.kind === 'failed') reject(new Error(`hit writer: ${message.message}`));
        else if (message.kind === 'drained') {
          this.drains.get(message.id)?.();
          this.drains.delete(message.id);
        } else if (message.kind === 'log') this.log(message.message);
      });
      worker.on('error', (error) => this.log(`hit writer: ${error.stack ?? error.message}`));
      worker.on('exit', (code) => {
        this.worker = null;
        for (const resolveDrain of this.drains.values()) resolveDrain();
        this.drains.clear();
        reject(new Error(`hit writer stopped (exit code ${code}) before it was ready`));
        if (this.closing) return;
        // The journal keeps every hit meanwhile; the next writer resumes where this one committed.
        this.log(`hit writer stopped (exit code ${code}); restarting in ${RESTART_DELAY_MS} ms`);
        setTimeout(() => {
          if (!this.closing) this.spawn().catch((error: Error) => this.log(error.message));
        }, RESTART_DELAY_MS).unref();
      });
    });
  }

  private post(message: ToWriter): void {
    this.worker?.postMessage(message);
  }
}

/** DATA_DIR holds the journal for both backends; with PostgreSQL it holds only the journal. */
export function journalDir(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir || './data', 'hit-journal');
}
