import * as v from 'valibot';
import type { PersonRecord, RejectionRecord } from '../db/records';
import type { EmailDetailResult } from '../emails/email-detail';
import type { DamagedRow } from '../emails/email-row';
import type { FolderMembers } from '../emails/folder-members';
import type { FolderPage } from '../emails/folder-page';
import type { FolderCounts } from '../emails/status';
import { EMAIL_STATUSES } from '../emails/status';
import type { ListPage, ListSummary } from '../lists/lists';
import type { SearchResult } from '../search/run-search';
import type { TaskPage, TaskRow } from '../tasks/task-page';
import type { RuleSummary } from '../tasks/task-rules';
import { clockArgs, taskViewSchema } from '../tasks/task-schemas';
import type { TaskCounts } from '../tasks/task-views';
import { type QueryDefinition, returns } from './definition';

const listId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

// Named live queries: a UI subscribes with arguments and gets every new result pushed. Add one
// here, then its runner in lib/background/live-queries.ts (tsc asks for it).

export const queries = {
  'folders.counts': { args: v.object({}), result: returns<FolderCounts>() },
  'folders.page': {
    args: v.object({
      status: v.picklist(EMAIL_STATUSES),
      offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
      limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
      filter: v.optional(v.pipe(v.string(), v.maxLength(200))),
      anchor: v.optional(
        v.object({
          offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
          folderDate: v.number(),
          id: v.pipe(v.string(), v.maxLength(200)),
        }),
      ),
    }),
    result: returns<FolderPage>(),
  },
  'folders.members': {
    args: v.object({
      status: v.picklist(EMAIL_STATUSES),
      filter: v.optional(v.pipe(v.string(), v.maxLength(200))),
    }),
    result: returns<FolderMembers>(),
  },
  /**
   * One page of a search (issue #15). The query is checked by the search itself (checkQuery), so
   * an invalid one is answered with the field that is wrong instead of refused as a bad message.
   */
  'search.run': {
    args: v.object({
      query: v.unknown(),
      offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
      limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
    }),
    result: returns<SearchResult>(),
  },
  'emails.detail': {
    args: v.object({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) }),
    result: returns<EmailDetailResult>(),
  },
  'emails.needsAttention': { args: v.object({}), result: returns<DamagedRow[]>() },
  'tasks.counts': { args: v.object(clockArgs), result: returns<TaskCounts>() },
  /** `now` comes from the sidebar, a minute at a time, so the views move on as time passes. */
  'tasks.page': {
    args: v.object({
      ...clockArgs,
      view: taskViewSchema,
      offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
      limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
    }),
    result: returns<TaskPage>(),
  },
  'tasks.queue': {
    args: v.object({ ...clockArgs, limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)) }),
    result: returns<TaskRow[]>(),
  },
  /** The rep's people, for quick add's person matching and the task form's suggestions. */
  'people.names': { args: v.object({}), result: returns<PersonRecord[]>() },
  /** The tasks of one email, open ones first (its detail view). */
  'tasks.forEmail': {
    args: v.object({ ...clockArgs, emailId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) }),
    result: returns<TaskRow[]>(),
  },
  /** One task, or null once it is gone (the task a reminder opened). */
  'tasks.one': {
    args: v.object({ ...clockArgs, id: v.pipe(v.string(), v.minLength(1), v.maxLength(300)) }),
    result: returns<TaskRow | null>(),
  },
  /** Every engagement rule, oldest first, with how many tasks it made and emails it waits on. */
  'tasks.rules': { args: v.object({}), result: returns<RuleSummary[]>() },
  'demo.status': { args: v.object({}), result: returns<{ active: boolean }>() },
  'overview.counts': {
    args: v.object({}),
    result: returns<{ openTasks: number; savedSearches: number; emails: number }>(),
  },
  /** Every list with its size, its "new since you last looked" count and any note (lib/lists/lists.ts). */
  'lists.all': { args: v.object({}), result: returns<ListSummary[]>() },
  /** One window of a list's members; null once the list is gone. */
  'lists.page': {
    args: v.object({
      id: listId,
      offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
      limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
    }),
    result: returns<ListPage | null>(),
  },
  'diagnostics.rejections': {
    args: v.object({
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 20),
    }),
    result: returns<RejectionRecord[]>(),
  },
} satisfies Record<string, QueryDefinition>;
