import type { CommandCenterDb } from '../db/database';
import { isDemoActive } from '../demo/seed-demo';
import { readEmailDetail } from '../emails/email-detail';
import { readFolderCounts } from '../emails/folder-counters';
import { readFolderMembers } from '../emails/folder-members';
import { readFolderPage } from '../emails/folder-page';
import { findEmailsNeedingAttention } from '../emails/needs-attention';
import type { QueryRunners } from '../messaging/live-query-server';
import { readSearchResults } from '../search/search-results';
import { readEmailTasks } from '../tasks/email-task-list';
import { readTask, readTaskPage, readTaskQueue } from '../tasks/task-page';
import { readRules } from '../tasks/task-rules';
import { readTaskCounts } from '../tasks/task-views';

/** Quick add matches names among this many people at most (more would slow the sidebar's typing). */
const PEOPLE_LIMIT = 5000;

/** Every named live query; each runs inside Dexie's liveQuery, so it must only read the db. */
export function createQueryRunners(db: CommandCenterDb): QueryRunners {
  return {
    'folders.counts': () => readFolderCounts(db),
    'folders.page': (args) => readFolderPage(db, args),
    'folders.members': ({ status, filter }) => readFolderMembers(db, status, filter),
    'search.run': ({ query, offset, limit }) => readSearchResults(db, query, { offset, limit }),
    'emails.detail': ({ id }) => readEmailDetail(db, id),
    'emails.needsAttention': () => findEmailsNeedingAttention(db),
    'tasks.counts': (clock) => readTaskCounts(db, clock),
    'tasks.page': ({ view, now, timeZone, offset, limit }) =>
      readTaskPage(db, { view, clock: { now, timeZone }, offset, limit }),
    'tasks.queue': ({ now, timeZone, limit }) => readTaskQueue(db, { now, timeZone }, limit),
    'people.names': () => db.people.orderBy('name').limit(PEOPLE_LIMIT).toArray(),
    'tasks.forEmail': ({ emailId, now, timeZone }) => readEmailTasks(db, emailId, { now, timeZone }),
    'tasks.one': ({ id, now, timeZone }) => readTask(db, id, { now, timeZone }),
    'tasks.rules': () => readRules(db),
    'demo.status': async () => ({ active: await isDemoActive(db) }),
    'overview.counts': async () => ({
      openTasks: await db.tasks.where('status').equals('open').count(),
      savedSearches: await db.savedSearches.count(),
      emails: await db.emails.count(),
    }),
    'diagnostics.rejections': ({ limit }) => db.rejections.orderBy('id').reverse().limit(limit).toArray(),
  };
}
