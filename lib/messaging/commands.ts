import * as v from 'valibot';
import { trackingPrefsSchema } from '../compose/tracking-prefs';
import type { TaskRecord, TaskRuleRecord } from '../db/records';
import type { ActionResult } from '../emails/actions';
import { CAMPAIGN_NAME_MAX, type CampaignChoice } from '../emails/campaigns';
import { UNTRACKED_CODES } from '../emails/local-reasons';
import { EMAIL_STATUSES } from '../emails/status';
import { LIST_NAME_MAX } from '../lists/lists';
import type { RetargetChoice, RetargetRecipients } from '../lists/retarget';
import type { AddressStanding } from '../people/address-standing';
import { FOLLOW_UP_TYPES } from '../tasks/follow-up';
import { removedRuleSchema, ruleIdSchema, ruleInputSchema } from '../tasks/task-rule-schemas';
import type { RemovedRule } from '../tasks/task-rules';
import {
  dueSchema,
  newTaskSchema,
  taskEditSchema,
  taskRefsSchema,
  taskUndoSchema,
  timeZoneSchema,
} from '../tasks/task-schemas';
import type { TaskActionResult } from '../tasks/task-writes';
import type { ServerCheck } from '../tracking/check-connection';
import type { PreparedSend } from '../tracking/prepare-send';
import { serverSettingsSchema } from '../tracking/server-settings';
import { type CommandDefinition, returns } from './definition';

// Bulk actions arrive in chunks (the UI shows progress between them).
const ids = v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))), v.minLength(1), v.maxLength(500));
const status = v.picklist(EMAIL_STATUSES);
// A send time within ten years either side of now; anything else is a typo or garbage.
const time = v.pipe(v.number(), v.integer(), v.minValue(Date.UTC(2016, 0, 1)), v.maxValue(Date.UTC(2036, 0, 1)));

const recipients = v.pipe(
  v.array(v.object({ address: v.pipe(v.string(), v.email()), name: v.optional(v.pipe(v.string(), v.maxLength(200))) })),
  v.maxLength(500),
);
// Made by the content script at Send (crypto.randomUUID()); the server's message id too.
const sendId = v.pipe(v.string(), v.uuid());
const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const listId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** What a compose said at Send (lib/emails/webmail-sends.ts WebmailSend). */
const webmailSend = v.object({
  id: sendId,
  site: v.picklist(['gmail', 'outlook']),
  to: recipients,
  cc: recipients,
  bcc: recipients,
  subject: shortText(998),
  bodyPreview: shortText(500),
  campaign: v.optional(
    v.union([
      v.object({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) }),
      v.object({ name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(CAMPAIGN_NAME_MAX)) }),
    ]),
  ),
  draftId: v.optional(shortText(200)),
  threadId: v.optional(shortText(200)),
  replaces: v.optional(sendId),
});

const untracked = v.object({
  code: v.picklist(UNTRACKED_CODES),
  params: v.optional(
    v.pipe(
      v.record(v.pipe(v.string(), v.regex(/^[a-zA-Z]{1,32}$/)), v.union([shortText(320), v.number()])),
      v.check((params) => Object.keys(params).length <= 5, 'at most 5 reason parameters'),
    ),
  ),
  detail: v.optional(shortText(500)),
});

// Every command the background accepts: its arguments' schema, its answer, and whether it runs
// inside the command log's transaction. Add one here, then its handler in
// lib/background/command-handlers.ts (tsc asks for it).

export const commands = {
  'demo.seed': {
    args: v.object({
      emails: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200_000))),
      eventsPerEmail: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(20))),
      start: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
      count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200_000))),
      tasks: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(50_000))),
    }),
    result: returns<{ emails: number; events: number; people: number; tasks: number }>(),
    // Too large for one transaction; seeding the same slice again writes the same rows.
    transaction: 'outside',
  },
  'demo.clear': {
    args: v.object({}),
    result: returns<{ removed: number }>(),
    // Too large for one transaction; clearing twice removes nothing the second time.
    transaction: 'outside',
  },
  'emails.archive': { args: v.object({ ids }), result: returns<ActionResult>(), transaction: 'inside' },
  'emails.unarchive': { args: v.object({ ids }), result: returns<ActionResult>(), transaction: 'inside' },
  'emails.reschedule': {
    args: v.object({ ids, at: time, expected: v.picklist(['draft', 'scheduled']) }),
    result: returns<ActionResult>(),
    transaction: 'inside',
  },
  'emails.sendNow': {
    args: v.object({ ids, expected: v.picklist(['draft', 'scheduled']) }),
    result: returns<ActionResult>(),
    transaction: 'inside',
  },
  'emails.retry': {
    args: v.object({ ids, expected: v.picklist(['failed', 'bounced', 'spam']) }),
    result: returns<ActionResult>(),
    transaction: 'inside',
  },
  'emails.delete': {
    args: v.object({ ids, expected: status }),
    result: returns<ActionResult>(),
    transaction: 'inside',
  },
  'emails.restore': { args: v.object({ ids }), result: returns<ActionResult>(), transaction: 'inside' },
  'emails.saveDraft': {
    args: v.object({
      to: v.pipe(
        v.array(
          v.object({ address: v.pipe(v.string(), v.email()), name: v.optional(v.pipe(v.string(), v.maxLength(200))) }),
        ),
        v.maxLength(200),
      ),
      subject: v.pipe(v.string(), v.maxLength(998)),
      body: v.optional(v.pipe(v.string(), v.maxLength(200_000))),
    }),
    result: returns<{ id: string }>(),
    transaction: 'inside',
  },
  'campaigns.list': {
    args: v.object({}),
    result: returns<CampaignChoice[]>(),
    transaction: 'inside',
  },
  /** Saves a search as a list; the id is the caller's (a retried command finds the list it made). */
  'lists.save': {
    // The query is checked by lib/search/query.ts checkQuery, which names the field that is wrong.
    args: v.object({ id: v.pipe(v.string(), v.uuid()), name: shortText(LIST_NAME_MAX * 2), query: v.unknown() }),
    result: returns<{ id: string }>(),
    transaction: 'inside',
  },
  'lists.rename': {
    args: v.object({ id: listId, name: shortText(LIST_NAME_MAX * 2) }),
    result: returns<{ id: string; previousName: string }>(),
    transaction: 'inside',
  },
  /** Deletes a list, kept for Undo (`lists.restore`). */
  'lists.delete': { args: v.object({ id: listId }), result: returns<{ id: string }>(), transaction: 'inside' },
  'lists.restore': { args: v.object({ id: listId }), result: returns<{ id: string }>(), transaction: 'inside' },
  /** The rep opened the list: its "new" badge clears. */
  'lists.open': {
    args: v.object({ id: listId }),
    result: returns<{ id: string; newIds: string[] }>(),
    transaction: 'inside',
  },
  /** A search's results or a list's members as a spreadsheet-safe CSV (lib/search/csv-export.ts). */
  'export.csv': {
    args: v.object({
      source: v.variant('kind', [
        v.object({ kind: v.literal('search'), query: v.unknown() }),
        v.object({ kind: v.literal('list'), id: listId }),
      ]),
    }),
    result: returns<{ filename: string; csv: string; rows: number }>(),
    transaction: 'inside',
  },
  /** The lists a compose's Retarget offers, with their sizes. */
  'retarget.lists': { args: v.object({}), result: returns<RetargetChoice[]>(), transaction: 'inside' },
  /** A list's recipients for a new email: valid, each once, none who bounced or complained. */
  'retarget.recipients': {
    args: v.object({ id: listId }),
    result: returns<RetargetRecipients>(),
    transaction: 'inside',
  },
  /** The same for a search's results (checked by lib/search/query.ts checkQuery). */
  'retarget.searchRecipients': {
    args: v.object({ query: v.unknown() }),
    result: returns<RetargetRecipients>(),
    transaction: 'inside',
  },
  /** Which of the addresses typed in a compose bounced hard or complained (its toolbar warns). */
  'people.standings': {
    // Not v.email(): the rep may be half-way through typing one; such text is simply unmarked.
    args: v.object({ addresses: v.pipe(v.array(v.pipe(v.string(), v.maxLength(320))), v.maxLength(500)) }),
    result: returns<AddressStanding[]>(),
    transaction: 'inside',
  },
  /**
   * The rep pressed Send in their compose: the row shows In Progress, and when tracking is asked
   * for the server registers the message (within REGISTER_BUDGET_MS). Same id, same answer.
   */
  'compose.prepareSend': {
    args: v.object({
      send: webmailSend,
      track: v.boolean(),
      untracked: v.optional(untracked),
      links: v.pipe(v.array(shortText(4096)), v.maxLength(500)),
    }),
    result: returns<PreparedSend>(),
    // Waits on the network; the row is written once per id and the server answers a retry alike.
    transaction: 'outside',
  },
  /** The webmail took the email: In Progress until the Undo window ends, then Delivered. */
  'compose.sent': {
    args: v.object({
      send: webmailSend,
      tracked: v.boolean(),
      untracked: v.optional(untracked),
      // Gmail keeps a send undoable for at most 30 s, Outlook 10 s: a minute is plenty.
      undoWindowMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60_000)),
      registered: v.boolean(),
    }),
    result: returns<{ status: string }>(),
    transaction: 'inside',
  },
  /** The webmail says the Undo window is over (its notice changed): Delivered now. */
  'compose.undoWindowClosed': {
    args: v.object({ id: sendId }),
    result: returns<{ ok: true }>(),
    transaction: 'inside',
  },
  /** The rep pressed the webmail's Undo in time: the email is a Draft again. */
  'compose.undone': { args: v.object({ id: sendId }), result: returns<{ undone: boolean }>(), transaction: 'inside' },
  /** The webmail did not take the email after Send (its compose stayed open): no row. */
  'compose.notSent': { args: v.object({ id: sendId }), result: returns<{ removed: boolean }>(), transaction: 'inside' },
  /** The rep discarded the draft an Undo left. */
  'compose.discarded': {
    args: v.object({ id: sendId }),
    result: returns<{ removed: boolean }>(),
    transaction: 'inside',
  },
  'tasks.create': {
    args: v.object({ task: newTaskSchema, timeZone: timeZoneSchema }),
    result: returns<TaskRecord>(),
    transaction: 'inside',
  },
  'tasks.edit': {
    args: v.object({
      ref: v.object({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)), version: v.number() }),
      edit: taskEditSchema,
      timeZone: timeZoneSchema,
    }),
    result: returns<TaskActionResult>(),
    transaction: 'inside',
  },
  'tasks.complete': {
    args: v.object({ refs: taskRefsSchema }),
    result: returns<TaskActionResult>(),
    transaction: 'inside',
  },
  'tasks.skip': {
    args: v.object({ refs: taskRefsSchema }),
    result: returns<TaskActionResult>(),
    transaction: 'inside',
  },
  'tasks.reopen': {
    args: v.object({ refs: taskRefsSchema }),
    result: returns<TaskActionResult>(),
    transaction: 'inside',
  },
  /** A new due for open tasks: `snooze` notes when it was snoozed, `reschedule` does not. */
  'tasks.reschedule': {
    args: v.object({
      refs: taskRefsSchema,
      due: dueSchema,
      timeZone: timeZoneSchema,
      how: v.picklist(['snooze', 'reschedule']),
    }),
    result: returns<TaskActionResult>(),
    transaction: 'inside',
  },
  'tasks.moveOverdueToToday': {
    args: v.object({ timeZone: timeZoneSchema }),
    result: returns<TaskActionResult>(),
    transaction: 'inside',
  },
  /** Puts back what a change answered as its Undo, for each task nothing changed since. */
  'tasks.undo': {
    args: v.object({ undo: taskUndoSchema }),
    result: returns<TaskActionResult>(),
    transaction: 'inside',
  },
  /** A task for a Delivered email's first recipient, linked to the email; due tomorrow unless `due` says. */
  'tasks.followUp': {
    args: v.object({
      emailId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
      type: v.picklist(FOLLOW_UP_TYPES),
      due: v.optional(dueSchema),
      timeZone: timeZoneSchema,
    }),
    result: returns<TaskRecord>(),
    transaction: 'inside',
  },
  /** A task for each email of a search or a list, in chunks (the UI shows progress, can stop between). */
  'tasks.followUpEach': {
    args: v.object({ ids, type: v.picklist(FOLLOW_UP_TYPES), due: v.optional(dueSchema), timeZone: timeZoneSchema }),
    result: returns<ActionResult>(),
    transaction: 'inside',
  },
  'tasks.rules.create': {
    args: v.object({ rule: ruleInputSchema }),
    result: returns<TaskRuleRecord>(),
    transaction: 'inside',
  },
  'tasks.rules.edit': {
    args: v.object({ id: ruleIdSchema, rule: ruleInputSchema, timeZone: timeZoneSchema }),
    result: returns<TaskRuleRecord>(),
    transaction: 'inside',
  },
  'tasks.rules.setEnabled': {
    args: v.object({ id: ruleIdSchema, enabled: v.boolean(), timeZone: timeZoneSchema }),
    result: returns<TaskRuleRecord>(),
    transaction: 'inside',
  },
  /** Answers what it took; `tasks.rules.restore` with that answer is the Undo. */
  'tasks.rules.delete': {
    args: v.object({ id: ruleIdSchema, timeZone: timeZoneSchema }),
    result: returns<RemovedRule>(),
    transaction: 'inside',
  },
  'tasks.rules.restore': {
    args: v.object({ removed: removedRuleSchema }),
    result: returns<{ restored: boolean }>(),
    transaction: 'inside',
  },
  /**
   * A sidebar says it is showing (loaded, or the rep came back to it): the background notes its
   * tab (docked ones only) and answers the "show this task" waiting for that tab, if any.
   */
  'sidebar.checkIn': {
    args: v.object({ docked: v.boolean() }),
    result: returns<{ focus: { section: 'tasks'; taskId?: string } | null }>(),
    // Reads and writes storage.session, which cannot join an IndexedDB transaction.
    transaction: 'outside',
  },
  'tracking.sync': {
    args: v.object({}),
    result: returns<{ configured: boolean; applied: number; skipped: number }>(),
    // Waits on the network; each event is applied once (its cursor is a unique index).
    transaction: 'outside',
  },
  'tracking.checkConnection': {
    args: v.object({ url: v.pipe(v.string(), v.maxLength(2000)), apiKey: v.pipe(v.string(), v.maxLength(200)) }),
    result: returns<ServerCheck>(),
    // Waits on the network and writes nothing.
    transaction: 'outside',
  },
  /**
   * The rep opened a message holding our pixel behind Gmail's image proxy (the content script saw
   * it): the server relabels that message's hits around now as `self`. Queued in the outbox.
   */
  'tracking.selfView': {
    args: v.object({ pixelUrl: v.pipe(v.string(), v.maxLength(2000), v.url()) }),
    result: returns<{ queued: boolean }>(),
    transaction: 'inside',
  },
  /** The rep's server from the options page (null: disconnect). The background is its only writer. */
  'tracking.setServer': {
    args: v.object({ server: v.nullable(serverSettingsSchema) }),
    result: returns<{ changed: boolean }>(),
    // Writes `storage.local`, which cannot join an IndexedDB transaction; saving twice is harmless.
    transaction: 'outside',
  },
  /** Track by default and the never-track list, from the options page. The background is their only writer. */
  'settings.setTrackingPrefs': {
    args: v.object({ prefs: trackingPrefsSchema }),
    result: returns<{ saved: true }>(),
    // Writes `storage.local`, which cannot join an IndexedDB transaction; saving twice is harmless.
    transaction: 'outside',
  },
} satisfies Record<string, CommandDefinition>;
