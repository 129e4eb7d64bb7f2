import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventReason } from '../../src/reasons/event-reasons.ts';
import type { EventType, MessageRecord, NewEvent } from '../../src/storage/repository.ts';
import type { SqlRepository } from '../../src/storage/sql-repository.ts';
import { backend, createRep, freshStorageConfig, insertTrackedMessages, openRepo } from '../support/backend.ts';

// A message's stored hits, as the classifier reads them to judge a hit by the ones before it
// (bursts, sequences), whichever server stored them. many-servers.test.ts has the two-server side.

const T = 1_700_000_000_000;

describe(`a message's hit history (${backend})`, () => {
  let repo: SqlRepository;
  let cleanup: () => Promise<void>;
  let message: MessageRecord;
  let other: MessageRecord;
  before(async () => {
    const fresh = await freshStorageConfig();
    cleanup = fresh.cleanup;
    repo = (await openRepo(fresh.storage)) as SqlRepository;
    const { accountId } = await createRep(repo);
    const tokens = await insertTrackedMessages(repo, accountId, 2, 'history');
    const found = await repo.findMessagesByTokens(tokens);
    [message, other] = tokens.map((t) => found.get(t)) as [MessageRecord, MessageRecord];
  });
  after(async () => {
    await repo.close();
    await cleanup();
  });

  const event = (of: MessageRecord, type: EventType, at: number, linkIndex: number | null = null): NewEvent => ({
    accountId: of.accountId,
    messagePk: of.pk,
    messageId: of.messageId,
    type,
    at,
    classification: type === 'view' || type === 'click' ? 'human' : null,
    ...eventReason('human.browser'),
    linkIndex,
    ip: '73.162.44.18',
    ua: 'Mozilla/5.0',
  });

  it('holds views and clicks since the time asked, oldest first, without bounces, addresses or other messages', async () => {
    const [late, early, , , , middle] = await repo.insertEvents(
      [
        event(message, 'click', T + 3000, 2),
        event(message, 'view', T + 1000),
        event(message, 'bounce', T + 1500),
        event(message, 'click', T - 1, 0),
        event(other, 'click', T + 2000, 1),
        event(message, 'click', T + 2000, 1),
      ],
      T + 4000,
    );
    const history = await repo.recentHits([message.pk, 987_654], T);
    assert.deepEqual(
      history.get(message.pk),
      [
        { id: early, type: 'view', at: T + 1000, linkIndex: null },
        { id: middle, type: 'click', at: T + 2000, linkIndex: 1 },
        { id: late, type: 'click', at: T + 3000, linkIndex: 2 },
      ].map((h) => ({ ...h, classification: 'human', reasonCode: 'human.browser' })),
    );
    assert.deepEqual(history.get(987_654), [], 'a message without hits has an empty list');
    assert.equal(history.has(other.pk), false);
  });

  it("recordHits hands build the history read in its transaction, and the batch's own events are not in it", async () => {
    const seen: number[][] = [];
    const { ids } = await repo.recordHits(
      [message.token],
      (messages, history) => {
        seen.push((history.get(messages.get(message.token)?.pk ?? 0) ?? []).map((h) => h.at));
        return [event(message, 'click', T + 5000, 3)];
      },
      T + 5000,
      undefined,
      { history: { since: T + 2500 } },
    );
    assert.deepEqual(seen, [[T + 3000]]);
    const again = await repo.recentHits([message.pk], T + 2500);
    assert.deepEqual(
      again.get(message.pk)?.map((h) => [h.at, h.linkIndex]),
      [
        [T + 3000, 2],
        [T + 5000, 3],
      ],
    );
    assert.equal(again.get(message.pk)?.at(-1)?.id, ids[0]);
  });

  it('recordHits without history reads no history', async () => {
    let size = -1;
    await repo.recordHits(
      [message.token],
      (_, history) => {
        size = history.size;
        return [];
      },
      T + 6000,
    );
    assert.equal(size, 0);
  });
});
