import * as v from 'valibot';
import { RULE_TRIGGERS, TASK_PRIORITIES, TASK_TYPES } from '../db/records';

// What the rule commands accept from the sidebar, checked in the background.

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const days = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(90));
const instant = v.pipe(v.number(), v.integer(), v.minValue(0));

export const ruleInputSchema = v.object({
  trigger: v.picklist(RULE_TRIGGERS),
  noReplyDays: days,
  taskType: v.picklist(TASK_TYPES),
  dueInDays: days,
  dueTime: v.optional(
    v.object({
      hour: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(23)),
      minute: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(59)),
    }),
  ),
  priority: v.picklist(TASK_PRIORITIES),
});

/** A deleted rule as `tasks.rules.delete` answered it, handed back for Undo. */
export const removedRuleSchema = v.object({
  rule: v.object({
    id,
    ...ruleInputSchema.entries,
    enabled: v.boolean(),
    createdAt: instant,
    updatedAt: instant,
    activeSince: v.optional(instant),
  }),
  waiting: v.pipe(
    v.array(
      v.object({
        id: v.pipe(v.string(), v.maxLength(500)),
        ruleId: id,
        emailId: id,
        triggeredAt: v.number(),
        waitUntil: v.number(),
        state: v.literal('waiting'),
      }),
    ),
    v.maxLength(10_000),
  ),
});

export const ruleIdSchema = id;
