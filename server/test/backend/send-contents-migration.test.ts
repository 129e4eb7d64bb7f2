import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SqlRepository } from '../../src/storage/sql-repository.ts';
import {
  backend,
  createRep,
  freshStorageConfig,
  openRepo,
  undoEventRecipients,
  undoSendContents,
} from '../support/backend.ts';

describe(`the migration giving mails a table of their own (${backend})`, () => {
  it('a send stored before it keeps its html and text, and its status changes without them', async () => {
    const { storage, cleanup } = await freshStorageConfig();
    try {
      let repo = (await openRepo(storage)) as SqlRepository;
      const { accountId } = await createRep(repo);
      const message = await repo.insertMessage(
        { accountId, messageId: 'm', token: 'b'.repeat(32), sentAt: 0, tracking: true, recipients: [], links: [] },
        0,
      );
      // A send as version 3 stored it, its body in the row, and a start of this version after it.
      await undoEventRecipients(repo.db);
      await undoSendContents(repo.db);
      await repo.db.run(
        `INSERT INTO sends (account_id, message_pk, message_id, token, from_addr, to_addrs, subject, html, text_body, send_at, status, created_at)
         VALUES ($1, $2, 'm', $3, 'rep@sales.example', '["ann@customer.example"]', 'Hi', '<p>Grüße</p>', 'Grüße', 0, 'scheduled', 0)`,
        [accountId, message.pk, 'b'.repeat(32)],
      );
      await repo.close();
      repo = (await openRepo(storage)) as SqlRepository;
      const [job] = await repo.claimDueSends(1, 60_000, 10);
      assert.equal(job?.messageId, 'm');
      assert.deepEqual(await repo.findSendContent(job?.id ?? -1), { html: '<p>Grüße</p>', text: 'Grüße' });
      await repo.close();
    } finally {
      await cleanup();
    }
  });
});
