import type * as v from 'valibot';
import type { CommandCenterDb } from '../db/database';
import type { RuleMatchRecord, RuleTrigger, TaskPriority, TaskRuleRecord, TaskType } from '../db/records';
import { withinTransaction } from '../db/within-transaction';
import { Refusal } from '../errors/refusal';
import { judgeRunOutForRule, matchIdOf, type RuleContext, ruleTables } from './rule-evaluation';
import type { removedRuleSchema } from './task-rule-schemas';

// The rep's engagement rules: make, edit, switch off, delete (with Undo). Every change first
// judges the rule's waits that have already run out, as the rule stood (rule-evaluation.ts), so
// an edit never changes a verdict that was due before it.

const DAY_MS = 86_400_000;

/** What the rep sets in the rule's sentence (task-rule-schemas.ts checks it). */
export interface RuleInput {
  trigger: RuleTrigger;
  noReplyDays: number;
  taskType: TaskType;
  dueInDays: number;
  /** Due at this time of day; absent: due as a day. */
  dueTime?: { hour: number; minute: number } | undefined;
  priority: TaskPriority;
}

/** A rule as the Rules panel lists it: how many tasks it made, how many emails it waits on. */
export interface RuleSummary extends TaskRuleRecord {
  made: number;
  waiting: number;
}

type WaitingMatch = RuleMatchRecord & { state: 'waiting' };

/** What deleting a rule took, for Undo: the rule and the waits it had not judged yet. */
export interface RemovedRule {
  rule: TaskRuleRecord;
  waiting: WaitingMatch[];
}

/** The same, as it comes back from the sidebar (checked by task-rule-schemas.ts). */
type ReturnedRule = v.InferOutput<typeof removedRuleSchema>;

async function existing(db: CommandCenterDb, id: string): Promise<TaskRuleRecord> {
  const rule = await db.taskRules.get(id);
  if (!rule) throw new Refusal('not_found', 'This rule was deleted.');
  return rule;
}

function fieldsOf(input: RuleInput) {
  return {
    trigger: input.trigger,
    noReplyDays: input.noReplyDays,
    taskType: input.taskType,
    dueInDays: input.dueInDays,
    ...(input.dueTime ? { dueTime: { hour: input.dueTime.hour, minute: input.dueTime.minute } } : {}),
    priority: input.priority,
  };
}

export async function createRule(db: CommandCenterDb, input: RuleInput, now: number): Promise<TaskRuleRecord> {
  const rule: TaskRuleRecord = {
    id: crypto.randomUUID(),
    ...fieldsOf(input),
    enabled: true,
    createdAt: now,
    updatedAt: now,
    activeSince: now,
  };
  await db.taskRules.add(rule);
  return rule;
}

async function waitingOf(db: CommandCenterDb, ruleId: string): Promise<WaitingMatch[]> {
  const matches = await db.ruleMatches.where('ruleId').equals(ruleId).toArray();
  return matches.filter((match): match is WaitingMatch => match.state === 'waiting');
}

/**
 * A new sentence for a rule. Another trigger starts it afresh (its waits were for the old one);
 * other no-reply days move the end of every wait; the task's type and due apply to tasks made
 * from now on.
 */
export function editRule(db: CommandCenterDb, id: string, input: RuleInput, ctx: RuleContext) {
  return withinTransaction(db, ruleTables(db), async () => {
    const rule = await existing(db, id);
    await judgeRunOutForRule(db, id, ctx);
    const { dueTime: _old, ...kept } = rule;
    const next: TaskRuleRecord = { ...kept, ...fieldsOf(input), updatedAt: ctx.clock.now };
    const waiting = await waitingOf(db, id);
    if (input.trigger !== rule.trigger) {
      next.activeSince = ctx.clock.now;
      await db.ruleMatches.bulkDelete(waiting.map((match) => match.id));
    } else if (input.noReplyDays !== rule.noReplyDays) {
      await db.ruleMatches.bulkPut(
        waiting.map((match) => ({ ...match, waitUntil: match.triggeredAt + input.noReplyDays * DAY_MS })),
      );
    }
    await db.taskRules.put(next);
    // A shorter wait may be over already.
    await judgeRunOutForRule(db, id, ctx);
    return next;
  });
}

/** Switched off, a rule forgets the emails it waited on; switched on, it acts on engagement from now. */
export function setRuleEnabled(db: CommandCenterDb, id: string, enabled: boolean, ctx: RuleContext) {
  return withinTransaction(db, ruleTables(db), async () => {
    const rule = await existing(db, id);
    if (rule.enabled === enabled) return rule;
    const next: TaskRuleRecord = { ...rule, enabled, updatedAt: ctx.clock.now };
    if (enabled) next.activeSince = ctx.clock.now;
    else {
      await judgeRunOutForRule(db, id, ctx);
      await db.ruleMatches.bulkDelete((await waitingOf(db, id)).map((match) => match.id));
    }
    await db.taskRules.put(next);
    return next;
  });
}

/**
 * Deletes a rule; the tasks it made stay (they are the rep's now). Its verdicts stay too, so an
 * Undo never makes a second task for an email; its open waits come back with the Undo.
 */
export function deleteRule(db: CommandCenterDb, id: string, ctx: RuleContext): Promise<RemovedRule> {
  return withinTransaction(db, ruleTables(db), async () => {
    const rule = await existing(db, id);
    await judgeRunOutForRule(db, id, ctx);
    const waiting = await waitingOf(db, id);
    await db.ruleMatches.bulkDelete(waiting.map((match) => match.id));
    await db.taskRules.delete(id);
    return { rule, waiting };
  });
}

/** Undo of a delete: the rule and its waits as they were (a wait that ran out meanwhile is judged at the next check). */
export function restoreRule(db: CommandCenterDb, removed: ReturnedRule) {
  return withinTransaction(db, ruleTables(db), async () => {
    if (await db.taskRules.get(removed.rule.id)) return { restored: false };
    const { dueTime, activeSince, ...rule } = removed.rule;
    await db.taskRules.add({
      ...rule,
      ...(dueTime ? { dueTime } : {}),
      ...(activeSince !== undefined ? { activeSince } : {}),
    });
    const waits = removed.waiting.filter(
      (match) =>
        match.ruleId === removed.rule.id &&
        match.state === 'waiting' &&
        match.id === matchIdOf(match.ruleId, match.emailId),
    );
    const present = await db.ruleMatches.bulkGet(waits.map((match) => match.id));
    // A verdict reached meanwhile stays: it is what keeps the email from a second task.
    await db.ruleMatches.bulkPut(waits.filter((_, index) => present[index] === undefined));
    return { restored: true };
  });
}

/** Every rule, oldest first, with what it made and what it waits on. */
export async function readRules(db: CommandCenterDb): Promise<RuleSummary[]> {
  const rules = (await db.taskRules.toArray()).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return Promise.all(
    rules.map(async (rule) => {
      const matches = await db.ruleMatches.where('ruleId').equals(rule.id).toArray();
      return {
        ...rule,
        made: matches.filter((match) => match.state === 'made').length,
        waiting: matches.filter((match) => match.state === 'waiting').length,
      };
    }),
  );
}
