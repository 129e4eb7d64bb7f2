import * as v from 'valibot';
import { TASK_PRIORITIES, TASK_TYPES } from '../db/records';
import { TASK_VIEWS } from './task-views';
import { TITLE_MAX } from './task-writes';
import { isTimeZone, parseDayKey } from './zoned-time';

// What the Tasks commands and queries accept from the sidebar, checked in the background.

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
// Within ten years either side of now; anything else is a typo or garbage.
const time = v.pipe(v.number(), v.integer(), v.minValue(Date.UTC(2016, 0, 1)), v.maxValue(Date.UTC(2036, 0, 1)));

export const timeZoneSchema = v.pipe(v.string(), v.maxLength(100), v.check(isTimeZone, 'not a time zone'));
export const clockArgs = { now: time, timeZone: timeZoneSchema };

export const dueSchema = v.variant('kind', [
  v.object({ kind: v.literal('dateTime'), at: time }),
  v.object({
    kind: v.literal('day'),
    day: v.pipe(
      v.string(),
      v.check((day) => parseDayKey(day) !== null, 'not a day'),
    ),
  }),
  v.object({ kind: v.literal('none') }),
]);

export const taskRefsSchema = v.pipe(
  v.array(v.object({ id, version: v.pipe(v.number(), v.integer(), v.minValue(1)) })),
  v.minLength(1),
  v.maxLength(500),
);

export const newTaskSchema = v.object({
  type: v.picklist(TASK_TYPES),
  title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(TITLE_MAX)),
  personId: v.optional(id),
  personName: v.optional(text(200)),
  emailId: v.optional(id),
  campaignId: v.optional(id),
  due: dueSchema,
  priority: v.picklist(TASK_PRIORITIES),
  notes: v.optional(text(5000)),
});

export const taskEditSchema = v.object({
  type: v.optional(v.picklist(TASK_TYPES)),
  title: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(TITLE_MAX))),
  personId: v.optional(v.nullable(id)),
  personName: v.optional(v.nullable(text(200))),
  due: v.optional(dueSchema),
  priority: v.optional(v.picklist(TASK_PRIORITIES)),
  notes: v.optional(v.nullable(text(5000))),
});

/** An Undo as a change answered it; the background applies it only to a task still at `version`. */
export const taskUndoSchema = v.pipe(
  v.array(
    v.object({
      id,
      version: v.pipe(v.number(), v.integer(), v.minValue(1)),
      prior: v.object({
        status: v.picklist(['open', 'completed', 'skipped']),
        dueAt: v.number(),
        dueKind: v.picklist(['dateTime', 'day', 'none']),
        dueDay: v.optional(v.string()),
        completedAt: v.optional(v.number()),
        skippedAt: v.optional(v.number()),
        doneAt: v.optional(v.number()),
        snoozedAt: v.optional(v.number()),
        remindedFor: v.optional(v.number()),
        title: v.pipe(v.string(), v.minLength(1), v.maxLength(TITLE_MAX)),
        type: v.picklist(TASK_TYPES),
        priority: v.picklist(TASK_PRIORITIES),
        notes: v.optional(text(5000)),
        personId: v.optional(id),
        personName: v.optional(text(200)),
      }),
    }),
  ),
  v.minLength(1),
  v.maxLength(500),
);

export const taskViewSchema = v.picklist(TASK_VIEWS);
