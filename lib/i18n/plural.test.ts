import { describe, expect, it } from 'vitest';
import { formatCount, pluralForm } from './t';

describe('counts in the rep language', () => {
  it.each([
    ['en', 1, 'totalCount_one'],
    ['en', 0, 'totalCount_other'],
    ['en', 2, 'totalCount_other'],
    ['de', 1, 'totalCount_one'],
    ['de', 12_537, 'totalCount_other'],
    // Portuguese counts 0 and 1 as singular; Chinese has one form.
    ['pt-BR', 0, 'totalCount_one'],
    ['pt-BR', 2, 'totalCount_other'],
    ['zh-CN', 1, 'totalCount_other'],
  ] as const)('%s %d → %s', (locale, count, key) => {
    expect(pluralForm('totalCount', count, locale)).toBe(key);
  });

  it('formats numbers as the locale writes them', () => {
    expect(formatCount(12_537, 'en')).toBe('12,537');
    expect(formatCount(12_537, 'de')).toBe('12.537');
    expect(formatCount(12_537, 'sv')).toMatch(/^12\s537$/u);
  });
});
