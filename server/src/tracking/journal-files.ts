import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Hit } from './hit-writer.ts';

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
  if (!isStr(token) || (kind !== 'view' && kind !== 'click') || !isStr(method) || !isStr(userAgent) || !isStr(ip) || !isStr(purpose)) return null;
  if ((linkIndex !== null && typeof linkIndex !== 'number') || (url !== null && !isStr(url)) || typeof at !== 'number') return null;
  return { token, kind, linkIndex, url, method, userAgent, ip, purpose, at };
}

/** Complete lines from `offset`, at most about `maxBytes`; `bytes` is how far they reach, `tail` what is left after them. */
export function readLines(path: string, offset: number, maxBytes: number): { lines: string[]; bytes: number; tail: number } {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(maxBytes);
    const got = readSync(fd, buffer, 0, maxBytes, offset);
    if (got === 0) return { lines: [], bytes: 0, tail: 0 };
    const end = buffer.lastIndexOf(10, got - 1);
    if (end < 0) return { lines: [], bytes: 0, tail: got };
    const lines = buffer.toString('utf8', 0, end).split('\n');
    return { lines, bytes: end + 1, tail: got - end - 1 };
  } finally {
    closeSync(fd);
  }
}
