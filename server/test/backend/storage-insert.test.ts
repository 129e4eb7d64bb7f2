import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { NewEvent } from '../../src/storage/repository.ts';
import type { SqlRepository } from '../../src/storage/sql-repository.ts';
import { backend, createRep, freshStorageConfig, openRepo } from '../support/backend.ts';

describe(`many rows in one INSERT (${backend})`, () => {
  let repo: SqlRepository;
  let cleanup: () => Promise<void>;
  before(async () => {
    const fresh = await freshStorageConfig();
    cleanup = fresh.cleanup;
    repo = (await openRepo(fresh.storage)) as SqlRepository;
  });
  after(async () => {
    await repo.close();
    await cleanup();
  });

  it('every row gets its own id, in the order given, across chunks and with a remainder', async () => {
    const { accountId } = await createRep(repo);
    const message = await repo.insertMessage(
      {
        accountId,
        messageId: 'm',
        token: '0123456789abcdef0123456789abcdef',
        sentAt: 1,
        tracking: true,
        recipients: [],
        links: [],
      },
      1,
    );
    const event = (i: number): NewEvent => ({
      accountId,
      messagePk: message.pk,
      messageId: 'm',
      type: 'view',
      at: 1000 + i,
      classification: 'human',
      reason: `row ${i}`,
      linkIndex: null,
      url: null,
      ip: null,
      ua: null,
    });
    for (const count of [1, 45, 1234]) {
      const ids = await repo.insertEvents(
        Array.from({ length: count }, (_, i) => event(i)),
        5,
      );
      assert.equal(new Set(ids).size, count);
      const rows = await repo.db.all<{ id: number; reason: string }>(
        `SELECT id, reason FROM events WHERE id >= $1 AND id <= $2 ORDER BY id`,
        [Math.min(...ids), Math.max(...ids)],
      );
      assert.deepEqual(
        rows.map((r) => [Number(r.id), r.reason]),
        ids.map((id, i) => [id, `row ${i}`]),
      );
    }
  });
});
