import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fdatasyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Hit } from './hit-from-request.ts';

// The hit journal on disk: numbered segment files of one JSON array per line, appended by the HTTP
// thread and read by the hit writer. Only complete lines count; a torn last line (an OS crash in
// the middle of a write) is dropped once a newer segment shows the writer has moved on.

/** A segment is closed and a new one started past this size, so read segments can be deleted. */
export const SEGMENT_BYTES = 32 * 1024 * 1024;
const SEGMENT_NAME = /^(\d{12})\.jsonl$/;

export function segmentPath(dir: string, segment: number): string {
  return join(dir, `${String(segment).padStart(12, '0')}.jsonl`);
}

/** Segment numbers present in the journal, oldest first. */
export function listSegments(dir: string): number[] {
  return readdirSync(dir)
    .map((name) => SEGMENT_NAME.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The journal's identity, made once with the folder: the database keeps the read position under
 * it, so a journal folder that was wiped and made again is never mistaken for the old one.
 */
export function openJournalDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const idFile = join(dir, 'journal-id');
  if (!existsSync(idFile)) writeFileSync(idFile, `${randomUUID()}\n`, { flag: 'wx' });
  return readFileSync(idFile, 'utf8').trim();
}

/**
 * One server per journal: two would number segments alike and write each other's hits twice.
 * The lock file holds the owner's pid; a lock whose process is gone (a kill -9) is taken over.
 */
export function lockJournalDir(dir: string): () => void {
  const lockFile = join(dir, 'lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(lockFile, 'utf8') === String(process.pid)) unlinkSync(lockFile);
        } catch {
          // Already gone with its folder: nothing left to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `the hit journal in ${dir} is in use by process ${owner}: each server needs a DATA_DIR of its own`,
        );
      }
      unlinkSync(lockFile);
    }
  }
  throw new Error(`could not lock the hit journal in ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Asks the OS to put the segments from `from` on the disk. An answered hit is in the page cache at
 * once, which survives the process; this bounds what an OS crash or power loss can take to the
 * hits answered since the last call. Run by the hit writer, off the thread that answers.
 */
export function syncSegments(dir: string, from: number): void {
  for (const segment of listSegments(dir)) {
    if (segment < from) continue;
    let fd = -1;
    try {
      fd = openSync(segmentPath(dir, segment), 'r');
      fdatasyncSync(fd);
    } catch {
      // Deleted meanwhile, or the disk refuses: the next call tries again.
    } finally {
      if (fd >= 0) closeSync(fd);
    }
  }
}

/** What an append got onto the disk: whole lines only; `error` when it stopped short. */
export interface Appended {
  lines: number;
  bytes: number;
  error: NodeJS.ErrnoException | null;
  /** The torn part of a line could not be cut off: the segment must not be appended to again. */
  torn: boolean;
}

/**
 * Appends `lines` to the segment open at `fd`, `size` bytes long. A disk that fills up mid-write
 * takes only part of them: the lines that got on whole count as written (the hit writer may
 * already have read them), and the torn start of the next one is cut off, so the caller writes the
 * rest, whole and once, with its next append. The hit writer never reads a line without its newline,
 * so the torn bytes are never taken for a hit.
 */
export function appendLines(fd: number, size: number, lines: string[], lineBytes: number[]): Appended {
  const bytes = Buffer.from(lines.join(''));
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(fd, bytes, written);
    return { lines: lines.length, bytes: bytes.length, error: null, torn: false };
  } catch (error) {
    let whole = 0;
    let boundary = 0;
    while (whole < lines.length && boundary + (lineBytes[whole] ?? 0) <= written) boundary += lineBytes[whole++] ?? 0;
    let torn = false;
    if (written > boundary) {
      try {
        ftruncateSync(fd, size + boundary);
      } catch {
        torn = true;
      }
    }
    return { lines: whole, bytes: boundary, error: error as NodeJS.ErrnoException, torn };
  }
}

export function encodeHit(hit: Hit): string {
  return `${JSON.stringify([hit.token, hit.kind, hit.linkIndex, hit.url, hit.method, hit.userAgent, hit.ip, hit.purpose, hit.at])}\n`;
}

const isStr = (v: unknown): v is string => typeof v === 'string';

/** The hit on one line, or null when the line is not one this server wrote. */
export function decodeHit(line: string): Hit | null {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return null;
  }
  if (!Array.isArray(v) || v.length !== 9) return null;
  const [token, kind, linkIndex, url, method, userAgent, ip, purpose, at] = v as unknown[];
  if (
    !isStr(token) ||
    (kind !== 'view' && kind !== 'click') ||
    !isStr(method) ||
    !isStr(userAgent) ||
    !isStr(ip) ||
    !isStr(purpose)
  )
    return null;
  if ((linkIndex !== null && typeof linkIndex !== 'number') || (url !== null && !isStr(url)) || typeof at !== 'number')
    return null;
  return { token, kind, linkIndex, url, method, userAgent, ip, purpose, at };
}

/**
 * Complete lines from `offset`, as many as fit in `buffer` (reused by the caller); `bytes` is how
 * far they reach, `tail` how many bytes follow them, `full` whether more may follow the buffer.
 */
export function readLines(
  path: string,
  offset: number,
  buffer: Buffer,
): { lines: string[]; bytes: number; tail: number; full: boolean } {
  const fd = openSync(path, 'r');
  try {
    const got = readSync(fd, buffer, 0, buffer.length, offset);
    if (got === 0) return { lines: [], bytes: 0, tail: 0, full: false };
    const full = got === buffer.length;
    const end = buffer.lastIndexOf(10, got - 1);
    if (end < 0) return { lines: [], bytes: 0, tail: got, full };
    const lines = buffer.toString('utf8', 0, end).split('\n');
    return { lines, bytes: end + 1, tail: got - end - 1, full };
  } finally {
    closeSync(fd);
  }
}
