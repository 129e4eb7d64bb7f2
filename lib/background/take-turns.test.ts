import { describe, expect, it } from 'vitest';
import { createTurns } from './take-turns';

describe('tasks that take turns', () => {
  it('starts a task only when the one before it has ended, even when that one failed', async () => {
    const inTurn = createTurns();
    const log: string[] = [];
    let endPull!: () => void;
    const pull = inTurn(async () => {
      log.push('pull starts');
      await new Promise<void>((resolve) => (endPull = resolve));
      log.push('pull writes the old cursor');
      throw new Error('server gone');
    });
    const change = inTurn(async () => {
      log.push('server changes');
      return 'changed';
    });
    await Promise.resolve();
    expect(log).toEqual(['pull starts']);
    endPull();
    await expect(pull).rejects.toThrow('server gone');
    await expect(change).resolves.toBe('changed');
    expect(log).toEqual(['pull starts', 'pull writes the old cursor', 'server changes']);
  });
});
