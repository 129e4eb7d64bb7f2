import { describe, expect, it } from 'vitest';
import { selfViewBlockRule } from './self-view-block';

describe('the rule that keeps the rep from opening their own pixel', () => {
  it.each([
    ['a server at its origin', 'https://track.example.com', '|https://track.example.com/o/'],
    ['a server under a path', 'https://example.com/icc', '|https://example.com/icc/o/'],
    ['a server on this computer', 'http://127.0.0.1:8787', '|http://127.0.0.1:8787/o/'],
  ])('%s: blocks images under its pixel path, and only images', (_story, url, filter) => {
    const rule = selfViewBlockRule({ url, apiKey: 'k'.repeat(32) });
    expect(rule.action).toEqual({ type: 'block' });
    expect(rule.condition).toEqual({ urlFilter: filter, resourceTypes: ['image'] });
  });
});
