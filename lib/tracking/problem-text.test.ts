import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { CheckProblem } from './check-connection';
import { describeCheckFailure, describeSyncFailure } from './problem-text';

const english = JSON.parse(
  readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, { message: string }>;

// chrome.i18n as the English UI answers it.
beforeEach(() => {
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string, substitutions?: string | string[]) => {
    const args = ([] as string[]).concat(substitutions ?? []);
    return (english[key]?.message ?? '').replace(/\$ARG(\d)\$/g, (_match, n: string) => args[Number(n) - 1] ?? '');
  }) as typeof browser.i18n.getMessage);
});

const PROBLEMS: CheckProblem[] = [
  'urlMissing',
  'urlInvalid',
  'urlNotSecure',
  'keyMissing',
  'keyTooShort',
  'keyTooLong',
  'unreachable',
  'notOurServer',
  'keyRefused',
  'serverError',
  'badAnswer',
];

describe('the options page’s words for a failed check', () => {
  it('gives each problem its own sentence', () => {
    const texts = PROBLEMS.map((problem) => describeCheckFailure({ ok: false, problem, field: 'url', detail: 'x' }));
    for (const text of texts) expect(text).toMatch(/^[A-Z].+\.$/);
    expect(new Set(texts).size).toBe(PROBLEMS.length);
  });

  it('names the address to use when our server answers without the path', () => {
    const text = describeCheckFailure({
      ok: false,
      problem: 'notOurServer',
      field: 'url',
      detail: 'x',
      suggestedUrl: 'http://127.0.0.1:8787',
    });
    expect(text).toBe(
      'The Inbox Command Center server answers at http://127.0.0.1:8787, not under this path. Enter that address instead.',
    );
  });
});

describe('the sidebar’s tooltip for a failed pull', () => {
  it('says what the code means, pointing to the options', () => {
    expect(
      describeSyncFailure({
        at: 0,
        ok: false,
        code: 'keyRefused',
        error: 'The tracking server refused the API key (unknown or revoked API key).',
      }),
    ).toBe('The tracking server no longer accepts the API key. Enter a valid key in the extension’s options.');
  });

  it('falls back to the stored text without a code, or with one it does not know', () => {
    expect(describeSyncFailure({ at: 0, ok: false, error: 'Failed to fetch' })).toBe('Failed to fetch');
    expect(describeSyncFailure({ at: 0, ok: false, error: 'Failed to fetch', code: 'fromTheFuture' as never })).toBe(
      'Failed to fetch',
    );
  });
});
