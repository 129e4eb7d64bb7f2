import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import type { TaskRecord } from './records';

// The Tasks views' counts, kept as counters in the transaction of every task write, as the
// folder counts are: IndexedDB counts a range by walking it, 60–90 ms for 10,000 open tasks. The
// buckets move with the clock and the rep's zone, so the counters are per quarter hour of due
// time (every zone's midnight falls on one): a view's count is the sum over its quarters. Done
// tasks (completed or skipped) are one counter. Written below the tasks table, so no writer
// (commands, rules, reminders, the demo) can forget them; a write to tasks must have the
// taskDueCounts and counters tables in its transaction.

export const QUARTER_MS = 15 * 60_000;
export const DONE_COUNTER = 'tasks.done';

export const quarterOf = (dueAt: number) => Math.floor(dueAt / QUARTER_MS);

/**
 * A task's counter key: its quarter, and half past it for a task due on a day (whose due is the
 * day's first instant), so timed tasks whose time has passed today can be told apart by key alone.
 */
export const counterKeyOf = (task: Pick<TaskRecord, 'dueAt' | 'dueKind'>) =>
  quarterOf(task.dueAt) + (task.dueKind === 'day' ? 0.5 : 0);

type Delta = { quarters: Map<number, number>; done: number };

function note(delta: Delta, task: TaskRecord | undefined, sign: 1 | -1): void {
  if (!task) return;
  if (task.status === 'open') {
    const q = counterKeyOf(task);
    delta.quarters.set(q, (delta.quarters.get(q) ?? 0) + sign);
  } else delta.done += sign;
}

/** Old rows of what the request is about to change: by key, or for a range all in it. */
async function rowsBefore(table: DBCoreTable, req: DBCoreMutateRequest): Promise<(TaskRecord | undefined)[]> {
  if (req.type === 'deleteRange') {
    const found = await table.query({
      trans: req.trans,
      values: true,
      query: { index: table.schema.primaryKey, range: req.range },
    });
    return found.result as TaskRecord[];
  }
  const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((value) => (value as TaskRecord).id));
  return (await table.getMany({ trans: req.trans, keys })) as (TaskRecord | undefined)[];
}

async function apply(core: DBCore, trans: DBCoreTransaction, delta: Delta): Promise<void> {
  const changed = [...delta.quarters].filter(([, n]) => n !== 0);
  if (changed.length > 0) {
    const counts = core.table('taskDueCounts');
    const keys = changed.map(([q]) => q);
    const rows = (await counts.getMany({ trans, keys })) as ({ q: number; n: number } | undefined)[];
    const next = changed.map(([q, n], i) => ({ q, n: (rows[i]?.n ?? 0) + n }));
    const empty = next.filter((row) => row.n <= 0).map((row) => row.q);
    const kept = next.filter((row) => row.n > 0);
    if (kept.length > 0) await counts.mutate({ type: 'put', trans, values: kept });
    if (empty.length > 0) await counts.mutate({ type: 'delete', trans, keys: empty });
  }
  if (delta.done !== 0) {
    const counters = core.table('counters');
    const row = (await counters.get({ trans, key: DONE_COUNTER })) as { value: number } | undefined;
    await counters.mutate({
      type: 'put',
      trans,
      values: [{ id: DONE_COUNTER, value: (row?.value ?? 0) + delta.done }],
    });
  }
}

/** One counter update at a time per transaction: two writes in one transaction must not race. */
const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();

export const taskCountsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'taskCounts',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'tasks') return table;
        const withCounters = down.schema.tables.some((t) => t.name === 'taskDueCounts');
        return {
          ...table,
          mutate(req) {
            // An upgrade writes tasks before the counters' table exists (or while it is being
            // made); the upgrade that made it counts every task afresh (database.ts, v5).
            if (Dexie.currentTransaction?.mode === 'versionchange' || !withCounters) return table.mutate(req);
            const run = async () => {
              // A transaction without the counters' tables fails here, before anything is written.
              await down.table('taskDueCounts').get({ trans: req.trans, key: 0 });
              await down.table('counters').get({ trans: req.trans, key: DONE_COUNTER });
              const before = await rowsBefore(table, req);
              const response = await table.mutate(req);
              const delta: Delta = { quarters: new Map(), done: 0 };
              const failed = (i: number) => i in response.failures;
              if (req.type === 'deleteRange') for (const row of before) note(delta, row, -1);
              else
                before.forEach((row, i) => {
                  if (failed(i)) return;
                  note(delta, row, -1);
                  if (req.type !== 'delete') note(delta, req.values[i] as TaskRecord, 1);
                });
              try {
                await apply(down, req.trans, delta);
              } catch (error) {
                // Tasks written without their counters would count wrong for good: undo them all.
                req.trans.abort();
                throw error;
              }
              return response;
            };
            const queued = (queues.get(req.trans) ?? Promise.resolve()).then(run, run);
            queues.set(
              req.trans,
              queued.catch(() => undefined),
            );
            return queued;
          },
        };
      },
    };
  },
};
