import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import { createRandom } from '../demo/random';
import { archiveEmails, deleteEmails, restoreEmails, retryEmails, unarchiveEmails } from './actions';
import { saveDraft } from './drafts';
import { readFolderCounts, recountFolders } from './folder-counters';
import { changeStatus } from './lifecycle';
import { EMAIL_STATUSES } from './status';

let db: CommandCenterDb;
beforeEach(() => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

describe('folder counters', () => {
  it('count from the index when never stored', async () => {
    await db.emails.bulkPut([testEmail('a', 'delivered'), testEmail('b', 'delivered'), testEmail('c', 'spam')]);
    expect(await readFolderCounts(db)).toMatchObject({ delivered: 2, spam: 1, draft: 0 });
  });

  it('stay equal to a full recount through any sequence of actions', async () => {
    await db.emails.bulkPut(
      EMAIL_STATUSES.flatMap((status) => [0, 1, 2].map((n) => testEmail(`${status}-${n}`, status, { sentAt: 10 }))),
    );
    await recountFolders(db);
    const random = createRandom(3);
    for (let step = 0; step < 120; step++) {
      const ids = (await db.emails.toCollection().primaryKeys()) as string[];
      const trashed = (await db.trash.toCollection().primaryKeys()) as string[];
      const id = random.pick(ids);
      const email = (await db.emails.get(id))!;
      const to = random.pick(EMAIL_STATUSES);
      switch (random.int(0, 7)) {
        case 0:
          await archiveEmails(db, [id]);
          break;
        case 1:
          await unarchiveEmails(db, [id]);
          break;
        case 2:
          await deleteEmails(db, [id], email.status);
          break;
        case 3:
          if (trashed.length) await restoreEmails(db, [random.pick(trashed)]);
          break;
        case 4:
          await retryEmails(db, [id], 'failed');
          break;
        case 5:
          await saveDraft(db, { to: [], subject: `new ${step}` });
          break;
        default:
          await changeStatus(db, id, { to, reason: { text: 'random walk' } }).catch(() => undefined);
      }
      expect(await readFolderCounts(db), `after step ${step}`).toEqual(await recountFolders(db));
    }
  });
});
