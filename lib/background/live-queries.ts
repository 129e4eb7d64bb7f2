import type { CommandCenterDb } from '../db/database';
import type { QueryArgs } from '../messaging/protocol';
import type { QueryRunners } from '../messaging/live-query-server';
import { readFolderCounts } from '../emails/folder-counters';
import { isDemoActive } from '../demo/seed-demo';
import { readFolderPage } from '../emails/folder-page';
import { readFolderMembers } from '../emails/folder-members';
import { readEmailDetail } from '../emails/email-detail';
import { findEmailsNeedingAttention } from '../emails/needs-attention';

/** Every named live query; each runs inside Dexie's liveQuery, so it must only read the db. */
export function createQueryRunners(db: CommandCenterDb) {
  return {
    'folders.counts': () => readFolderCounts(db),
    'folders.page': (args: QueryArgs<'folders.page'>) => readFolderPage(db, args),
    'folders.members': ({ status, filter }: QueryArgs<'folders.members'>) => readFolderMembers(db, status, filter),
    'emails.detail': ({ id }: QueryArgs<'emails.detail'>) => readEmailDetail(db, id),
    'emails.needsAttention': () => findEmailsNeedingAttention(db),
    'demo.status': async () => ({ active: await isDemoActive(db) }),
    'overview.counts': async () => ({
      openTasks: await db.tasks.where('status').equals('open').count(),
      savedSearches: await db.savedSearches.count(),
      emails: await db.emails.count(),
    }),
    'diagnostics.rejections': (args: QueryArgs<'diagnostics.rejections'>) =>
      db.rejections.orderBy('id').reverse().limit(args.limit).toArray(),
  } satisfies QueryRunners;
}
