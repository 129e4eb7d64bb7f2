import { closeSync, fstatSync, openSync, readdirSync, readSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import type { AsnNames, RangeTable } from './asn-ranges.ts';

// The parsed ASN database as one file of the typed arrays themselves, so a start reads ~10 MB and
// makes views onto it instead of parsing 32 MB of CSV (every server start runs a hit writer thread,
// and the test suite starts ~150 servers). Written to a temporary name and renamed, so a reader
// sees a whole file or none; a file that is short, of another format or key, or fails its CRC is
// ignored and built again. Native byte order: the file never leaves the machine that wrote it.

const MAGIC = 0x31434349; // "ICC1"
const FORMAT = 1;
/** magic, format, key bytes, v4 count, v6 count, owners, name bytes, crc32 of what follows. */
const HEADER_WORDS = 8;

export interface AsnTables {
  v4: RangeTable;
  v6: RangeTable;
  names: AsnNames;
}

const padded = (n: number) => (n + 3) & ~3;

function sections(t: AsnTables): Uint8Array[] {
  const u8 = (a: Uint32Array, words: number) => new Uint8Array(a.buffer, a.byteOffset, words * 4);
  return [
    u8(t.v4.starts, t.v4.count),
    u8(t.v4.ends, t.v4.count),
    u8(t.v4.owners, t.v4.count),
    u8(t.v6.starts, t.v6.count * 4),
    u8(t.v6.ends, t.v6.count * 4),
    u8(t.v6.owners, t.v6.count),
    u8(t.names.asns, t.names.asns.length),
    u8(t.names.offsets, t.names.offsets.length),
    t.names.bytes,
  ];
}

/** Writes the tables under `file`, atomically; false (and nothing left behind) when it cannot. */
export function writeAsnCache(file: string, key: string, tables: AsnTables): boolean {
  const keyBytes = Buffer.from(key, 'utf8');
  const body = Buffer.concat(sections(tables));
  const header = new Uint32Array(HEADER_WORDS);
  header.set([
    MAGIC,
    FORMAT,
    keyBytes.length,
    tables.v4.count,
    tables.v6.count,
    tables.names.asns.length,
    tables.names.bytes.length,
    crc32(body),
  ]);
  const head = Buffer.alloc(HEADER_WORDS * 4 + padded(keyBytes.length));
  Buffer.from(header.buffer).copy(head);
  keyBytes.copy(head, HEADER_WORDS * 4);
  const temporary = `${file}.${process.pid}.${threadId}.${Date.now()}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([head, body]));
    renameSync(temporary, file);
    return true;
  } catch {
    try {
      unlinkSync(temporary);
    } catch {}
    return false;
  }
}

function readWhole(file: string): Buffer | null {
  let fd = -1;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    // Its own ArrayBuffer, at offset 0, so the Uint32Array views below are aligned.
    const data = Buffer.allocUnsafeSlow(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, data, read, size - read, read);
      if (n === 0) return null;
      read += n;
    }
    return data;
  } catch {
    return null;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/** The tables in `file` when it is whole and was written for `key`; null otherwise. */
export function readAsnCache(file: string, key: string): AsnTables | null {
  const data = readWhole(file);
  if (!data || data.length < HEADER_WORDS * 4) return null;
  const header = new Uint32Array(data.buffer, data.byteOffset, HEADER_WORDS);
  const [magic, format, keyLength = 0, v4 = 0, v6 = 0, owners = 0, nameBytes = 0, crc] = header;
  if (magic !== MAGIC || format !== FORMAT) return null;
  const bodyAt = HEADER_WORDS * 4 + padded(keyLength);
  if (data.length < bodyAt || data.toString('utf8', HEADER_WORDS * 4, HEADER_WORDS * 4 + keyLength) !== key)
    return null;
  const words = v4 * 3 + v6 * 9 + owners * 2 + 1;
  if (data.length !== bodyAt + words * 4 + nameBytes) return null;
  if (crc32(data.subarray(bodyAt)) !== crc) return null;
  let at = bodyAt;
  const take = (n: number) => {
    const view = new Uint32Array(data.buffer, data.byteOffset + at, n);
    at += n * 4;
    return view;
  };
  const table = (width: 1 | 4, count: number): RangeTable => ({
    width,
    count,
    starts: take(count * width),
    ends: take(count * width),
    owners: take(count),
  });
  const v4Table = table(1, v4);
  const v6Table = table(4, v6);
  const asns = take(owners);
  const offsets = take(owners + 1);
  const bytes = data.subarray(at, at + nameBytes);
  // The CRC says the bytes are those written; this says they were written by a sane build.
  if (offsets[owners] !== nameBytes) return null;
  return { v4: v4Table, v6: v6Table, names: { asns, offsets, bytes } };
}

/** Deletes this database's older cache files (`prefix…`) other than `keep`; best effort. */
export function removeOtherCaches(dir: string, prefix: string, keep: string): void {
  try {
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.bin') && name !== keep) unlinkSync(join(dir, name));
    }
  } catch {}
}
