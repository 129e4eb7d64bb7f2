import { describe, expect, it } from 'vitest';
import { actionsForAll } from './actions-by-status';

describe('actions for a selection across folders', () => {
  it.each([
    { statuses: ['delivered'], actions: ['archive', 'followUp'], mixed: false },
    { statuses: ['failed', 'bounced', 'spam'], actions: ['retry', 'delete'], mixed: false },
    { statuses: ['archived', 'failed'], actions: ['delete'], mixed: true },
    { statuses: ['draft', 'scheduled'], actions: ['reschedule', 'sendNow', 'delete'], mixed: false },
    { statuses: ['delivered', 'failed'], actions: [], mixed: true },
    { statuses: ['delivered', 'sending'], actions: [], mixed: true },
    { statuses: [], actions: [], mixed: false },
  ] as const)('$statuses offers $actions', ({ statuses, actions, mixed }) => {
    expect(actionsForAll(new Set(statuses))).toEqual({ actions, mixed });
  });
});
