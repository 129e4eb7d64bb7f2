import * as v from 'valibot';
import { EMAIL_STATUSES } from '../emails/status';
import type { ActionResult } from '../emails/actions';
import type { ServerCheck } from '../tracking/test-server';

// Bulk actions arrive in chunks (the UI shows progress between them).
const ids = v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))), v.minLength(1), v.maxLength(500));
const status = v.picklist(EMAIL_STATUSES);
// A send time within ten years either side of now; anything else is a typo or garbage.
const time = v.pipe(v.number(), v.integer(), v.minValue(Date.UTC(2016, 0, 1)), v.maxValue(Date.UTC(2036, 0, 1)));

// Argument schemas of every command the background accepts, and the types of their answers.
// Add a command here, then its handler in lib/background/command-handlers.ts.

export const commandArgSchemas = {
  'demo.seed': v.object({
    emails: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200_000))),
    eventsPerEmail: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(20))),
    start: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200_000))),
  }),
  'demo.clear': v.object({}),
  'emails.archive': v.object({ ids }),
  'emails.unarchive': v.object({ ids }),
  'emails.reschedule': v.object({ ids, at: time, expected: v.picklist(['draft', 'scheduled']) }),
  'emails.sendNow': v.object({ ids, expected: v.picklist(['draft', 'scheduled']) }),
  'emails.retry': v.object({ ids, expected: v.picklist(['failed', 'bounced', 'spam']) }),
  'emails.delete': v.object({ ids, expected: status }),
  'emails.restore': v.object({ ids }),
  'tracking.sync': v.object({}),
  'tracking.testServer': v.object({ url: v.pipe(v.string(), v.maxLength(2000)), apiKey: v.pipe(v.string(), v.maxLength(200)) }),
  'emails.saveDraft': v.object({
    to: v.pipe(
      v.array(v.object({ address: v.pipe(v.string(), v.email()), name: v.optional(v.pipe(v.string(), v.maxLength(200))) })),
      v.maxLength(200),
    ),
    subject: v.pipe(v.string(), v.maxLength(998)),
    body: v.optional(v.pipe(v.string(), v.maxLength(200_000))),
  }),
};

export interface CommandResults {
  'demo.seed': { emails: number; events: number; people: number; tasks: number };
  'demo.clear': { removed: number };
  'emails.archive': ActionResult;
  'emails.unarchive': ActionResult;
  'emails.reschedule': ActionResult;
  'emails.sendNow': ActionResult;
  'emails.retry': ActionResult;
  'emails.delete': ActionResult;
  'emails.restore': ActionResult;
  'tracking.sync': { configured: boolean; applied: number; skipped: number };
  'tracking.testServer': ServerCheck;
  'emails.saveDraft': { id: string };
}
