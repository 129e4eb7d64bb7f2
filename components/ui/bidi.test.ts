import { describe, expect, it } from 'vitest';
import { withoutBidiControls } from './bidi';

describe('mail text shown to the rep', () => {
  it.each([
    ['a right-to-left override cannot turn gnp.exe into exe.png', 'invoice_\u202Egnp.exe', 'invoice_gnp.exe'],
    ['embeddings and pops are dropped', 'a\u202Bb\u202Cc\u202Ad', 'abcd'],
    [
      'isolates typed into a name are dropped (we isolate ourselves)',
      '\u2067Dana\u2069 \u2066x\u2069\u2068y',
      'Dana xy',
    ],
    ['Arabic and Hebrew text stays as it is', 'سارة كوهين שלום', 'سارة كوهين שלום'],
    ['direction marks, emoji and joiners stay', 'Ana\u200E 👩\u200D💻 e\u0301', 'Ana\u200E 👩\u200D💻 e\u0301'],
  ])('%s', (_story, input, shown) => {
    expect(withoutBidiControls(input)).toBe(shown);
  });
});
