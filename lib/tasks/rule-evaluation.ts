import Dexie from 'dexie';
import { type CommandCenterDb, emailTables, taskTables } from '../db/database';
import type { EmailRecord, EngagementEventRecord, RuleMatchRecord, TaskRuleRecord } from '../db/records';
import { withinTransaction } from '../db/within-transaction';
import { personForEmail } from './task-person';
import type { TaskClock } from './task-views';
import type { TaskWording } from './task-wording';
import { createTask } from './task-writes';
import { addDays, atTimeOn, dayKeyOf } from './zoned-time';

// Engagement rules at work: "a human click (or view) and no reply within N days → a task".
//
// - Only `human` events trigger. Machine hits (proxy, prefetch, scanner, self) never do, and
//   neither does `unknown`: the server could not tell it was a person, and a rule that makes a
//   call task for a security scanner's click is worse than one that waits for the next click.
// - A rule acts on events from `activeSince` on (when it was made or switched back on), never on
//   clicks from before it existed: a new rule does not bury the rep under last year's clicks.
// - A rule's first human trigger event at E starts a wait (a ruleMatches row) until E + N days.
//   When it runs out, the rule judges it: a reply dated before then (or a reply flag with no
//   date) → `replied`, no task; else the task `rule:<ruleId>:<emailId>`, made in the same
//   transaction as the verdict. A judged row is never judged again, so a re-pulled event, a
//   completed task or a task the rep deleted never brings a second task.
// - A wait's verdict is as of its end, whenever it is judged: anything that would change a
//   wait (an earlier trigger event, a rule edit, switching the rule off) first judges the waits
//   that have already run out. A judgement delayed by a crash or a closed browser comes out the
//   same as one on time (rule-evaluation.property.test.ts checks this).

const DAY_MS = 86_400_000;
/** Emails a rule still acts on: sent (or about to be, inside the webmail's Undo window). */
const LIVE_STATUSES: ReadonlySet<string> = new Set(['delivered', 'sending']);

export interface RuleContext {
  clock: TaskClock;
  wording: TaskWording;
}

export type TriggerEvent = Pick<EngagementEventRecord, 'emailId' | 'type' | 'classification' | 'at'>;

export const matchIdOf = (ruleId: string, emailId: string) => `${ruleId}:${emailId}`;
export const ruleTaskIdOf = (ruleId: string, emailId: string) => `rule:${ruleId}:${emailId}`;

/** Every table a judgement reads or writes: a caller outside a transaction opens one over these. */
export function ruleTables(db: CommandCenterDb) {
  return [...emailTables(db), db.events, db.taskRules, db.ruleMatches, db.people, ...taskTables(db)];
}

export function triggers(rule: TaskRuleRecord, event: TriggerEvent): boolean {
  return (
    rule.enabled &&
    event.classification === 'human' &&
    rule.trigger === event.type &&
    event.at >= (rule.activeSince ?? rule.createdAt)
  );
}

/**
 * The event path: `events` were just stored (a page of the feed), inside the caller's
 * transaction (an event and what the rules make of it commit together, or neither does). In
 * their order; the rules read once.
 */
export async function evaluateRulesForEvents(db: CommandCenterDb, events: readonly TriggerEvent[], ctx: RuleContext) {
  if (!events.some((event) => event.classification === 'human')) return;
  const all = await db.taskRules.toArray();
  for (const event of events) {
    // Only an event some rule acts on is awaited: Dexie keeps its transaction across a limited
    // number of awaits that make no request (about a hundred), and a page has hundreds of views.
    const rules = all.filter((rule) => triggers(rule, event));
    if (rules.length) await evaluateRules(db, event, rules, ctx);
  }
}

async function evaluateRules(db: CommandCenterDb, event: TriggerEvent, rules: TaskRuleRecord[], ctx: RuleContext) {
  for (const rule of rules) {
    const id = matchIdOf(rule.id, event.emailId);
    let match = await db.ruleMatches.get(id);
    if (match && match.state !== 'waiting') continue;
    if (match && match.waitUntil <= ctx.clock.now) {
      await judgeMatch(db, match, ctx);
      continue;
    }
    if (!match || event.at < match.triggeredAt) {
      match = {
        id,
        ruleId: rule.id,
        emailId: event.emailId,
        triggeredAt: event.at,
        waitUntil: event.at + rule.noReplyDays * DAY_MS,
        state: 'waiting',
      };
      await db.ruleMatches.put(match);
    }
    // N = 0, or an event pulled after its wait was already over.
    if (match.waitUntil <= ctx.clock.now) await judgeMatch(db, match, ctx);
  }
}

/** Whether the email had a reply before `until`; a reply known without its time counts. */
async function repliedBefore(db: CommandCenterDb, email: EmailRecord, until: number): Promise<boolean> {
  const replies = await db.events
    .where('[emailId+at]')
    .between([email.id, Dexie.minKey], [email.id, Dexie.maxKey])
    .filter((event) => event.type === 'reply')
    .toArray();
  if (replies.length === 0) return email.engagement?.replied === true;
  return replies.some((reply) => reply.at < until);
}

/** Judges one waiting match whose wait has run out; inside the caller's transaction. */
async function judgeMatch(db: CommandCenterDb, match: RuleMatchRecord, ctx: RuleContext): Promise<void> {
  const [rule, email] = await Promise.all([db.taskRules.get(match.ruleId), db.emails.get(match.emailId)]);
  // The rule or the email is gone, switched off or no longer sent: nothing to follow up. Dropped,
  // not judged, so the email can start a new wait if it comes back (unarchived, rule restored).
  if (!rule?.enabled || !email || !LIVE_STATUSES.has(email.status)) {
    await db.ruleMatches.delete(match.id);
    return;
  }
  const now = ctx.clock.now;
  if (await repliedBefore(db, email, match.waitUntil)) {
    await db.ruleMatches.put({ ...match, state: 'replied', judgedAt: now });
    return;
  }
  const taskId = ruleTaskIdOf(rule.id, email.id);
  // The verdict row is the guard; the deterministic id is a second one (a row restored from a backup).
  if (!(await db.tasks.get(taskId))) {
    const day = addDays(dayKeyOf(now, ctx.clock.timeZone), rule.dueInDays);
    const personId = await personForEmail(db, email);
    await createTask(
      db,
      {
        id: taskId,
        type: rule.taskType,
        title: ctx.wording.ruleTaskTitle(rule.trigger, email.subject),
        personId,
        emailId: email.id,
        campaignId: email.campaignId,
        due: rule.dueTime
          ? { kind: 'dateTime', at: atTimeOn(day, rule.dueTime.hour, rule.dueTime.minute, ctx.clock.timeZone) }
          : { kind: 'day', day },
        priority: rule.priority,
        source: 'rule',
        ruleId: rule.id,
      },
      ctx.clock,
    );
  }
  await db.ruleMatches.put({ ...match, state: 'made', taskId, judgedAt: now });
}

/** One rule's waits that have run out, judged inside the caller's transaction (before an edit). */
export async function judgeRunOutForRule(db: CommandCenterDb, ruleId: string, ctx: RuleContext) {
  const runOut = await db.ruleMatches
    .where('ruleId')
    .equals(ruleId)
    .filter((match) => match.state === 'waiting' && match.waitUntil <= ctx.clock.now)
    .toArray();
  for (const match of runOut) await judgeMatch(db, match, ctx);
}

export interface CheckResult {
  judged: number;
  failed: number;
}

/**
 * The periodic check: every wait that has run out, from the [state+waitUntil] index (no event is
 * read but the judged emails' own), each judged in its own transaction, so a worker stopped
 * half-way keeps what it judged and the next check takes the rest.
 */
export async function judgeRunOutMatches(db: CommandCenterDb, ctx: RuleContext, limit = 200): Promise<CheckResult> {
  const ids = await db.ruleMatches
    .where('[state+waitUntil]')
    .between(['waiting', Dexie.minKey], ['waiting', ctx.clock.now], true, true)
    .limit(limit)
    .primaryKeys();
  const result: CheckResult = { judged: 0, failed: 0 };
  for (const id of ids) {
    try {
      await withinTransaction(db, ruleTables(db), async () => {
        const match = await db.ruleMatches.get(id);
        if (match?.state !== 'waiting' || match.waitUntil > ctx.clock.now) return;
        await judgeMatch(db, match, ctx);
        result.judged++;
      });
    } catch (error) {
      // One broken row must not hold up the others; it is tried again at the next check.
      result.failed++;
      console.error('[command-center] a rule could not judge', id, error);
    }
  }
  return result;
}
