import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Hit } from '../../src/hits/hit-from-request.ts';
import {
  decodeHit,
  encodeHit,
  listSegments,
  openJournalDir,
  readLines,
  segmentPath,
} from '../../src/hits/journal-files.ts';

const hit: Hit = {
  token: '0123456789abcdef0123456789abcdef',
  kind: 'click',
  linkIndex: 2,
  url: 'https://example.com/a?b=c\nd',
  method: 'GET',
  userAgent: 'Mozilla/5.0 (Macintosh) ☃',
  ip: '2001:db8::1',
  purpose: 'prefetch',
  at: 1_763_000_000_000,
};

describe('hit journal files', () => {
  it('a hit survives its journal line exactly, one line each, whatever its text holds', () => {
    const line = encodeHit(hit);
    assert.equal(line.indexOf('\n'), line.length - 1, 'a newline inside a field is escaped');
    assert.deepEqual(decodeHit(line.trimEnd()), hit);
    assert.deepEqual(decodeHit(encodeHit({ ...hit, kind: 'view', linkIndex: null, url: null }).trimEnd()), {
      ...hit,
      kind: 'view',
      linkIndex: null,
      url: null,
    });
  });

  it('lines this server did not write are refused, not guessed at', () => {
    for (const line of [
      '',
      '{',
      'null',
      '[]',
      '{"token":"x"}',
      JSON.stringify(['t', 'open', null, null, 'GET', '', '', '', 1]),
      JSON.stringify(['t', 'view', null, null, 'GET', '', '', '', '1']),
    ]) {
      assert.equal(decodeHit(line), null, line);
    }
  });

  it('reads complete lines only, and says how many bytes of a torn line follow', () => {
    const dir = mkdtempSync(join(tmpdir(), 'icc-journal-'));
    try {
      openJournalDir(dir);
      const path = segmentPath(dir, 7);
      appendFileSync(path, encodeHit(hit) + encodeHit(hit));
      appendFileSync(path, '["torn');
      const first = readLines(path, 0, Buffer.alloc(1 << 20));
      assert.equal(first.lines.length, 2);
      assert.equal(first.tail, 6);
      const again = readLines(path, first.bytes, Buffer.alloc(1 << 20));
      assert.deepEqual([again.lines.length, again.bytes, again.tail], [0, 0, 6]);
      assert.deepEqual(listSegments(dir), [7]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a journal folder keeps the identity it was made with', () => {
    const dir = mkdtempSync(join(tmpdir(), 'icc-journal-'));
    try {
      const id = openJournalDir(dir);
      assert.match(id, /^[0-9a-f-]{36}$/);
      assert.equal(openJournalDir(dir), id);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
