import * as v from 'valibot';

// Argument schemas of every command the background accepts, and the types of their answers.
// Add a command here, then its handler in lib/background/command-handlers.ts.

export const commandArgSchemas = {
  'demo.seed': v.object({
    emails: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200_000))),
    eventsPerEmail: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(20))),
  }),
  'demo.clear': v.object({}),
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
  'emails.saveDraft': { id: string };
}
