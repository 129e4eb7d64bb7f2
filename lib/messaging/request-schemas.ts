import * as v from 'valibot';
import { commands } from './commands';
import { CHANNEL, type CommandName, type QueryName } from './protocol';
import { queries } from './queries';

// The envelopes the background checks before routing a command or a live-query message. Apart
// from protocol.ts because they list every command and query by name, which would put every
// schema into the content scripts' bundle (they only send, the background checks).

const idSchema = v.pipe(v.string(), v.minLength(8), v.maxLength(64));

export const commandRequestSchema = v.object({
  channel: v.literal(CHANNEL),
  kind: v.literal('command'),
  id: idSchema,
  name: v.picklist(Object.keys(commands) as [CommandName, ...CommandName[]]),
  args: v.unknown(),
});

export const liveClientMessageSchema = v.variant('kind', [
  v.object({
    kind: v.literal('subscribe'),
    subId: idSchema,
    name: v.picklist(Object.keys(queries) as [QueryName, ...QueryName[]]),
    args: v.unknown(),
  }),
  v.object({ kind: v.literal('unsubscribe'), subId: idSchema }),
]);
