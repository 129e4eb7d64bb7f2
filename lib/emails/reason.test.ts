import { describe, expect, it } from 'vitest';
import { fromStoredFailure, fromStoredReason, toStoredFailure, toStoredReason } from './reason';

describe('reasons on stored rows', () => {
  it('a coded reason goes onto a row and comes back the same', () => {
    const reason = {
      code: 'bounce.hard',
      params: { status: '5.1.1' },
      text: 'bounce: hard bounce (5.1.1) — 5.1.1 user unknown',
      detail: '5.1.1 user unknown',
    };
    expect(fromStoredReason(toStoredReason(reason))).toEqual(reason);
    expect(fromStoredFailure(toStoredFailure(reason))).toEqual(reason);
  });

  it('a row from before codes has only its text, and nothing else is made up', () => {
    expect(toStoredReason({ text: 'retry' })).toEqual({ reason: 'retry' });
    expect(fromStoredReason({ reason: 'retry' })).toEqual({ text: 'retry' });
    expect(fromStoredFailure({ failureReason: 'token expired' })).toEqual({ text: 'token expired' });
    expect(fromStoredFailure({})).toBeUndefined();
  });

  it('damaged fields read as no code and empty text rather than breaking the detail view', () => {
    expect(fromStoredReason({ reason: 42, reasonCode: 7, reasonDetail: null } as never)).toEqual({ text: '' });
  });
});
