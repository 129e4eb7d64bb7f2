import { describe, expect, it } from 'vitest';
import { EMAIL_STATUSES, FOLDERS_BY_TAB, PRIMARY_TABS, tabOfStatus } from './status';

describe('folders', () => {
  it('puts every status in exactly one sub-folder', () => {
    const all = PRIMARY_TABS.flatMap((tab) => FOLDERS_BY_TAB[tab]);
    expect([...all].sort()).toEqual([...EMAIL_STATUSES].sort());
    expect(new Set(all).size).toBe(all.length);
  });

  it.each([
    ['delivered', 'sent'],
    ['archived', 'sent'],
    ['scheduled', 'pending'],
    ['draft', 'pending'],
    ['sending', 'pending'],
    ['failed', 'undelivered'],
    ['bounced', 'undelivered'],
    ['spam', 'undelivered'],
  ] as const)('%s lives under %s', (status, tab) => {
    expect(tabOfStatus(status)).toBe(tab);
  });
});
