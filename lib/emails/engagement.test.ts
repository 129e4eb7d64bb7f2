import { describe, expect, it } from 'vitest';
import { testEmail } from '../../tests/support/test-emails';
import type { Classification, EngagementEventRecord } from '../db/records';
import { countedEngagement } from '../search/predicate';
import { countEngagement } from './engagement';

const hit = (type: 'view' | 'click', classification: Classification): EngagementEventRecord => ({
  emailId: 'e1',
  type,
  classification,
  at: 5_000,
  reason: '',
});

describe('counting an email’s engagement', () => {
  it('never counts a hit of unknown origin as trustworthy, on a new email', () => {
    const email = testEmail('e1', 'delivered');
    countEngagement(email, hit('view', 'unknown'));
    countEngagement(email, hit('click', 'unknown'));
    expect(countedEngagement(email, true)).toEqual({ views: 0, clicks: 0 });
    expect(countedEngagement(email, false)).toEqual({ views: 1, clicks: 1 });
  });

  it('counts people and their mail apps’ proxies as trustworthy, machines as neither', () => {
    const email = testEmail('e1', 'delivered');
    for (const classification of ['human', 'proxy', 'prefetch', 'scanner', 'self'] as const)
      countEngagement(email, hit('view', classification));
    countEngagement(email, hit('click', 'proxy'));
    expect(countedEngagement(email, true)).toEqual({ views: 2, clicks: 1 });
    expect(email.engagement).toMatchObject({ views: 2, machineViews: 3, clicks: 1 });
  });
});
