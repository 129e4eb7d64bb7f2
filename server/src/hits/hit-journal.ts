import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AsnDatabaseStatus } from '../classify/network-kinds.ts';
import type { Config } from '../config.ts';
import type { Hit } from './hit-from-request.ts';
import type { FromWriter, ToWriter, WriterData } from './hit-writer-protocol.ts';
import {
  appendLines,
  encodeHit,
  listSegments,
  lockJournalDir,
  openJournalDir,
  SEGMENT_BYTES,
  segmentPath,
} from './journal-files.ts';

/**
 * Hits kept in memory while the journal cannot be written (a full disk): they are answered, and
 * written once space returns. Beyond either bound further hits are answered but not recorded.
 */
const MAX_HELD_HITS = 200_000;
const MAX_HELD_BYTES = 64 * 1024 * 1024;
/** While the journal cannot be written, writing is tried this often (not at every request). */
const WRITE_RETRY_MS = 500;
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
  /** Hits answered but never recorded since start: held in memory past the bounds. */
  lost = 0;
  private readonly dir: string;
  private readonly journalId: string;
  private unlock: (() => void) | null = null;
  private fd = -1;
  private segment = 0;
  private size = 0;
  /** Hits not yet on disk, encoded, with their sizes in bytes. */
  private lines: string[] = [];
  private lineBytes: number[] = [];
  private heldBytes = 0;
  /** Since when, and why, the journal cannot be written; null while it can. */
  private trouble: { since: number; message: string; lostBefore: number; boundSaid: boolean } | null = null;
  private answers: (() => void)[] = [];
  private flushScheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private worker: Worker | null = null;
  private closing = false;
  private nextDrainId = 0;
  private readonly drains = new Map<number, () => void>();
  /** What the writer thread said of its network directory; null until its first start says. */
  private networks: { status: AsnDatabaseStatus; summary: string } | null = null;
  private readonly config: Config;
  private readonly log: (message: string) => void;

  private constructor(config: Config, log: (message: string) => void) {
    this.config = config;
    this.log = log;
    this.dir = journalDir(config);
    this.journalId = openJournalDir(this.dir);
  }

  /** Opens a new segment and starts the writer; resolves once the journal left by an earlier run is written. */
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
    const line = encodeHit(hit);
    const bytes = Buffer.byteLength(line);
    if (this.lines.length >= MAX_HELD_HITS || this.heldBytes + bytes > MAX_HELD_BYTES) {
      this.lost++;
      if (this.trouble && !this.trouble.boundSaid) {
        this.trouble.boundSaid = true;
        this.log(
          `hit journal: ${this.lines.length} hits held in memory, the most it keeps; further hits are answered but not recorded until it can write`,
        );
      }
      answer();
      return;
    }
    this.lines.push(line);
    this.lineBytes.push(bytes);
    this.heldBytes += bytes;
    this.answers.push(answer);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // After the requests already read in this turn: one write carries them all.
      setImmediate(() => this.flush());
    }
  }

  /** How the journal is doing, for /healthz: whether it is written, and what is held or lost. */
  health(): { writable: boolean; heldHits: number; lostHits: number; since: string | null; problem: string | null } {
    return {
      writable: this.trouble === null,
      heldHits: this.lines.length,
      lostHits: this.lost,
      since: this.trouble ? new Date(this.trouble.since).toISOString() : null,
      problem: this.trouble?.message ?? null,
    };
  }

  /** How classification is doing, for /healthz: the ASN database the writer thread loaded. */
  classification(): { asnDatabase: AsnDatabaseStatus | null } {
    return { asnDatabase: this.networks?.status ?? null };
  }

  /** The start log's line on the ASN database (known once open has resolved). */
  networkSummary(): string | null {
    return this.networks?.summary ?? null;
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
    this.flush(true);
    if (this.lines.length > 0)
      this.log(
        `hit journal: closing with ${this.lines.length} answered hits not written (${this.trouble?.message}); they are lost`,
      );
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
    this.closeSegment();
    this.unlock?.();
    this.unlock = null;
  }

  /** Writes what is held (unless the disk is known to be full and this is not the retry) and answers. */
  private flush(retry = false): void {
    this.flushScheduled = false;
    if (this.lines.length > 0 && (this.trouble === null || retry)) this.write();
    const answers = this.answers;
    this.answers = [];
    for (const answer of answers) answer();
  }

  private write(): void {
    let error: NodeJS.ErrnoException | null = null;
    try {
      if (this.fd < 0 || this.size >= SEGMENT_BYTES) this.startSegment(this.segment + 1);
      const appended = appendLines(this.fd, this.size, this.lines, this.lineBytes);
      this.size += appended.bytes;
      this.journaled += appended.lines;
      if (appended.lines === this.lines.length) {
        this.lines = [];
        this.lineBytes = [];
        this.heldBytes = 0;
      } else {
        this.lines.splice(0, appended.lines);
        this.heldBytes -= this.lineBytes.splice(0, appended.lines).reduce((sum, n) => sum + n, 0);
      }
      error = appended.error;
      // The torn bytes stay at the end of this segment; the hit writer drops them once a newer one exists.
      if (appended.torn) this.closeSegment();
    } catch (opening) {
      error = opening as NodeJS.ErrnoException;
    }
    if (error) this.cannotWrite(error);
    else this.writable();
  }

  /** Said once per episode; the held hits are answered meanwhile and written by the retry. */
  private cannotWrite(error: NodeJS.ErrnoException): void {
    if (!this.trouble) {
      const message = error.code === 'ENOSPC' ? `the disk of ${this.dir} is full` : error.message;
      this.trouble = { since: Date.now(), message, lostBefore: this.lost, boundSaid: false };
      this.log(
        `hit journal: cannot write (${message}); hits are answered and held in memory (at most ${MAX_HELD_HITS}, ${MAX_HELD_BYTES >> 20} MB) and written once it can; trying every ${WRITE_RETRY_MS} ms`,
      );
    }
    this.retryTimer ??= setTimeout(() => {
      this.retryTimer = null;
      this.flush(true);
    }, WRITE_RETRY_MS);
  }

  private writable(): void {
    if (!this.trouble) return;
    const seconds = ((Date.now() - this.trouble.since) / 1000).toFixed(1);
    const lost = this.lost - this.trouble.lostBefore;
    this.trouble = null;
    this.log(
      `hit journal: written again after ${seconds} s, every held hit once${lost > 0 ? `; ${lost} hits past the memory bound were not recorded` : ''}`,
    );
  }

  /**
   * A run never appends to an earlier run's file (its last line may be torn), nor to one this run
   * left torn: each segment is opened once.
   */
  private startSegment(segment: number): void {
    this.closeSegment();
    // Set only once open: if opening fails (no room for the file), the next write tries the same number.
    this.fd = openSync(segmentPath(this.dir, segment), 'a');
    this.segment = segment;
    this.size = 0;
  }

  private closeSegment(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
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
        } else if (message.kind === 'networks') this.noteNetworks(message);
        else if (message.kind === 'log') this.log(message.message);
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

  /**
   * The first start's line goes in the start log (main.ts); a restarted writer that loads the
   * database differently (it was replaced, or became unreadable) is logged here.
   */
  private noteNetworks(message: { status: AsnDatabaseStatus; summary: string }): void {
    const before = this.networks;
    this.networks = { status: message.status, summary: message.summary };
    if (before && (before.status.loaded !== message.status.loaded || before.status.version !== message.status.version))
      this.log(`hit writer restarted: ${message.summary}`);
  }

  private post(message: ToWriter): void {
    this.worker?.postMessage(message);
  }
}

/** DATA_DIR holds the journal for both backends; with PostgreSQL it holds only the journal. */
export function journalDir(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir || './data', 'hit-journal');
}
