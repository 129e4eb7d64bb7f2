import * as v from 'valibot';
import { trackingPrefsSchema } from '../compose/tracking-prefs';
import type { ActionResult } from '../emails/actions';
import { EMAIL_STATUSES } from '../emails/status';
import type { ServerCheck } from '../tracking/check-connection';
import { serverSettingsSchema } from '../tracking/server-settings';
import { type CommandDefinition, returns } from './definition';

// Bulk actions arrive in chunks (the UI shows progress between them).
const ids = v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))), v.minLength(1), v.maxLength(500));
const status = v.picklist(EMAIL_STATUSES);
// A send time within ten years either side of now; anything else is a typo or garbage.
const time = v.pipe(v.number(), v.integer(), v.minValue(Date.UTC(2016, 0, 1)), v.maxValue(Date.UTC(2036, 0, 1)));

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
