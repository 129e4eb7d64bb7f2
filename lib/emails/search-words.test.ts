import { describe, expect, it } from 'vitest';
import { matchesWords, searchWordsOf, wordsIn } from './search-words';

describe('quick filter words', () => {
  const words = searchWordsOf({
    subject: 'Pricing for the Q1 rollout',
    to: [{ address: 'dana.whitfield@northwind.example', name: 'Dana Whitfield' }, { address: 'jörg@müller.example' }],
  });

  it.each([
    ['dana', true],
    ['DANA whit', true],
    ['northw', true],
    ['pricing q1', true],
    ['jörg', true],
    ['müll', true],
    ['ana', false],
    ['pricing dana x', false],
    ['rollouts', false],
  ])('"%s" matches: %s', (query, expected) => {
    expect(matchesWords(words, wordsIn(query))).toBe(expected);
  });

  it('reads words in any script', () => {
    expect(wordsIn('报价 Angebot-Q1')).toEqual(['报价', 'angebot', 'q1']);
  });
});
