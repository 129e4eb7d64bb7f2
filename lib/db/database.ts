import Dexie, { type EntityTable } from 'dexie';
import type {
  CampaignRecord,
  CommandLogRecord,
  CounterRecord,
  DamagedEmailRecord,
  EmailRecord,
  EmailSearchRecord,
  EngagementEventRecord,
  JobRecord,
  PersonRecord,
  RejectionRecord,
  RuleMatchRecord,
  SavedSearchRecord,
  TaskRecord,
  TaskRuleRecord,
  TrashedEmailRecord,
} from './records';
import { NO_DUE_AT } from './records';
import { fillSearchIndex } from './search-index-upgrade';
import { buildSearchRows } from './search-rows-upgrade';
import { moveSoftBouncesBack } from './soft-bounce-upgrade';
import { counterKeyOf, DONE_COUNTER, taskCountsMiddleware } from './task-counts-middleware';

// The one local database. Only the background opens it (architecture.md §3): a content
// script would get the webmail's own IndexedDB, and an extension iframe may be refused
// third-party storage.
export class CommandCenterDb extends Dexie {
  emails!: EntityTable<EmailRecord, 'id'>;
  /** Each email's search row: its text indexes and what a text search filters by, apart from the row every view rewrites. */
  emailSearch!: EntityTable<EmailSearchRecord, 'id'>;
  trash!: EntityTable<TrashedEmailRecord, 'id'>;
  people!: EntityTable<PersonRecord, 'id'>;
  campaigns!: EntityTable<CampaignRecord, 'id'>;
  events!: EntityTable<EngagementEventRecord, 'id'>;
  tasks!: EntityTable<TaskRecord, 'id'>;
  /** Open tasks per quarter hour of due time, and `counters` 'tasks.done': the Tasks views' counts. */
  taskDueCounts!: EntityTable<{ q: number; n: number }, 'q'>;
  taskRules!: EntityTable<TaskRuleRecord, 'id'>;
  /** Each rule's wait for, or verdict on, one email (lib/tasks/rule-evaluation.ts). */
  ruleMatches!: EntityTable<RuleMatchRecord, 'id'>;
  savedSearches!: EntityTable<SavedSearchRecord, 'id'>;
  jobs!: EntityTable<JobRecord, 'id'>;
  commandLog!: EntityTable<CommandLogRecord, 'id'>;
  rejections!: EntityTable<RejectionRecord, 'id'>;
  counters!: EntityTable<CounterRecord, 'id'>;
  /** Emails the periodic check found damaged, shown under "needs attention". */
  damaged!: EntityTable<DamagedEmailRecord, 'id'>;

  constructor(name = 'command-center') {
    super(name);
    this.version(1).stores({
      // [status+folderDate] serves both the folder count and the newest-first page.
      emails: 'id, status, [status+folderDate], campaignId, *personIds, *searchWords, createdAt, statusAt',
      trash: 'id, deletedAt',
      people: 'id, &email, name',
      campaigns: 'id, name',
      events: '++id, emailId, [emailId+at], at, &serverCursor',
      tasks: 'id, status, [status+dueAt], personId, emailId',
      savedSearches: 'id, name',
      jobs: 'id, [state+dueAt], kind',
      commandLog: 'id, at',
      rejections: '++id, at',
      counters: 'id',
      flagged: 'id',
    });
    // v2: "flagged" read as starred mail; the table of damaged rows is named for what it holds.
    // Dexie deletes the old table only after the upgrade has copied its rows.
    this.version(2)
      .stores({ damaged: 'id', flagged: null })
      .upgrade(async (tx) => {
        await tx.table('damaged').bulkPut(await tx.table('flagged').toArray());
      });
    // v3: tasks get a due kind (a time, a day, none), a source, a version and a done time; the
    // queue is ordered by due, then high priority first. Rows from before keep their fields.
    this.version(3)
      .stores({
        tasks: 'id, status, [status+dueAt+priority], doneAt, personId, emailId, ruleId',
        taskRules: 'id',
      })
      .upgrade(async (tx) => {
        await tx
          .table('tasks')
          .toCollection()
          .modify((task: Partial<TaskRecord> & { dueAt?: number }) => {
            task.dueKind ??= typeof task.dueAt === 'number' ? 'dateTime' : 'none';
            if (task.dueKind === 'none') task.dueAt = NO_DUE_AT;
            task.source ??= 'manual';
            task.updatedAt ??= task.createdAt ?? 0;
            task.version ??= 1;
            task.priority ??= 'normal';
            if (task.status !== 'open') task.doneAt ??= task.completedAt ?? task.updatedAt;
          });
      });
    // v4: rules remember each email they waited on or judged (ruleMatches): the periodic check
    // reads the waits that ran out from [state+waitUntil], never every event. Rules say since
    // when they act; rows from before act since they were made.
    this.version(4)
      .stores({ ruleMatches: 'id, [state+waitUntil], ruleId' })
      .upgrade(async (tx) => {
        await tx
          .table('taskRules')
          .toCollection()
          .modify((rule: Partial<TaskRuleRecord>) => {
            rule.activeSince ??= rule.createdAt ?? 0;
          });
      });
    // v5: the Tasks views' counts as counters (task-counts-middleware.ts), counted afresh here
    // from every task; from now on each task write keeps them.
    this.version(5)
      .stores({ taskDueCounts: 'q' })
      .upgrade(async (tx) => {
        const quarters = new Map<number, number>();
        let done = 0;
        await tx
          .table('tasks')
          .toCollection()
          .each((task: TaskRecord) => {
            if (task.status !== 'open') done++;
            else quarters.set(counterKeyOf(task), (quarters.get(counterKeyOf(task)) ?? 0) + 1);
          });
        await tx.table('taskDueCounts').clear();
        await tx.table('taskDueCounts').bulkPut([...quarters].map(([q, n]) => ({ q, n })));
        await tx.table('counters').put({ id: DONE_COUNTER, value: done });
      });
    // v6: a soft bounce is a warning, not Bounced (issue #14): the rows it moved there go back.
    this.version(6)
      .stores({})
      .upgrade((tx) => moveSoftBouncesBack(tx));
    // v7: the search (issue #15, lib/search/evaluate.ts) narrows by pieces of words (substrings in
    // any script), by [activity+campaign] and by each date a range can be on; the trusted view and
    // click counts it reads are counted from the events once (search-index-upgrade.ts).
    this.version(7)
      .stores({
        emails:
          'id, status, [status+folderDate], campaignId, *personIds, *searchWords, createdAt, statusAt, ' +
          '*searchGrams, searchFacet, sentAt, scheduledAt, failedAt, engagement.lastActivityAt',
      })
      .upgrade((tx) => fillSearchIndex(tx));
    // v8: lists (issue #15) keep their members on the emails: `lists` for membership and counts'
    // checks, `newIn` for the members that joined since the rep last opened the list. No list
    // existed before, so there is nothing to fill.
    this.version(8).stores({
      emails:
        'id, status, [status+folderDate], campaignId, *personIds, *searchWords, createdAt, statusAt, ' +
        '*searchGrams, searchFacet, sentAt, scheduledAt, failedAt, engagement.lastActivityAt, *lists, *newIn',
    });
    // v9: the text indexes (substring pieces, quick-filter words) move to a search row of their
    // own (search-rows-upgrade.ts), written only when the text, status, date or kind of
    // engagement changes. On the email row every view rewrote their 60–110 index entries, most
    // of the cost of applying the view; on the search row a text search reads what it filters by. Indexes no query
    // reads go: the emails' `statusAt`, the events' `at`, and their `emailId`, which [emailId+at]
    // serves (Dexie reads a compound index's first part as an index of its own). The campaign
    // and activity index gains the folder date: a search that asks only that reads its newest
    // rows and its count from the index (lib/search/facet-page.ts).
    this.version(9)
      .stores({
        events: '++id, [emailId+at], &serverCursor',
        emails:
          'id, status, [status+folderDate], campaignId, *personIds, createdAt, ' +
          '[searchFacet+folderDate], sentAt, scheduledAt, failedAt, engagement.lastActivityAt, *lists, *newIn',
        emailSearch: 'id, *grams, *words',
      })
      .upgrade((tx) => buildSearchRows(tx));
    this.use(taskCountsMiddleware);
  }
}

/**
 * The tables an email write touches (lib/emails/email-writes.ts): the emails, their search
 * rows, the counters kept with them (folders, lists) and the lists whose membership it keeps
 * (lib/lists/list-membership.ts).
 */
export function emailTables(db: CommandCenterDb) {
  return [db.emails, db.emailSearch, db.counters, db.savedSearches];
}

/** The tables a task write touches: the tasks and the counters kept with them (task-counts-middleware.ts). */
export function taskTables(db: CommandCenterDb) {
  return [db.tasks, db.taskDueCounts, db.counters];
}

let instance: CommandCenterDb | undefined;

/** The background's database singleton (created on first use, never at import time). */
export function getDb(): CommandCenterDb {
  instance ??= new CommandCenterDb();
  return instance;
}
