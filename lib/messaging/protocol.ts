import * as v from 'valibot';
import type { RefusalCode } from '../errors/refusal';
import type { commands } from './commands';
import type { ResultOf } from './definition';
import type { queries } from './queries';

// The one protocol between the extension's contexts (architecture.md §3).
// Every message carries `channel: 'icc'` so stray messages are easy to tell apart.

export const CHANNEL = 'icc';
export const LIVE_PORT_NAME = 'icc.live';

// Every type below comes from the one definition of each command and query.
export type CommandName = keyof typeof commands;
export type CommandArgs<N extends CommandName> = v.InferOutput<(typeof commands)[N]['args']>;
export type CommandResult<N extends CommandName> = ResultOf<(typeof commands)[N]>;

export type QueryName = keyof typeof queries;
export type QueryArgs<N extends QueryName> = v.InferOutput<(typeof queries)[N]['args']>;
export type QueryResult<N extends QueryName> = ResultOf<(typeof queries)[N]>;

/** `not_found` and `conflict` are the domain's refusals (`lib/errors/refusal.ts`), passed through as they are. */
export type ErrorCode = 'invalid' | 'rejected' | RefusalCode | 'failed';
export interface ProtocolError {
  code: ErrorCode;
  message: string;
}

export interface CommandRequest<N extends CommandName = CommandName> {
  channel: typeof CHANNEL;
  kind: 'command';
  /** Client-generated; a retry with the same id returns the first answer instead of re-running. */
  id: string;
  name: N;
  args: CommandArgs<N>;
}

export type CommandResponse<T = unknown> = { ok: true; value: T } | { ok: false; error: ProtocolError };

/**
 * Background → content script of one tab: the keyboard command toggles the sidebar;
 * `sidebar.open` opens it (a reminder was clicked) and answers `true`, so the background knows
 * the tab still has our content script.
 */
export interface TabMessage {
  channel: typeof CHANNEL;
  kind: 'sidebar.toggle' | 'sidebar.open';
}

/**
 * Background → every open sidebar (runtime broadcast): a "show this task" waits for one of you;
 * each checks in (`sidebar.checkIn`) and the background hands it only to the one in its tab.
 */
export interface SidebarMessage {
  channel: typeof CHANNEL;
  kind: 'sidebar.focusWaiting';
}

export const sidebarMessageSchema = v.object({ channel: v.literal(CHANNEL), kind: v.literal('sidebar.focusWaiting') });

/**
 * Content script → its sidebar iframe (window.postMessage): "check in now" (the background
 * opened the sidebar for a clicked reminder). The webmail page can post the same, and then the
 * sidebar only asks the background for nothing: the background hands out what waits.
 */
export interface HostMessage {
  channel: typeof CHANNEL;
  kind: 'sidebar.checkIn';
}

export const hostMessageSchema = v.object({ channel: v.literal(CHANNEL), kind: v.literal('sidebar.checkIn') });

/**
 * What the sidebar asks of a prefilled compose (`compose.open`, issue #10 item 6). Addresses are
 * only bounded here, not checked: the content script skips and reports the ones that are not
 * addresses (lib/content/compose-prefill.ts) instead of refusing the whole compose.
 */
const prefillRecipientsSchema = v.optional(
  v.pipe(
    v.array(
      v.object({
        address: v.pipe(v.string(), v.maxLength(320)),
        name: v.optional(v.pipe(v.string(), v.maxLength(200))),
      }),
    ),
    v.maxLength(200),
  ),
  [],
);
const composeRequestEntries = {
  to: prefillRecipientsSchema,
  cc: prefillRecipientsSchema,
  bcc: prefillRecipientsSchema,
  subject: v.optional(v.pipe(v.string(), v.maxLength(998)), ''),
  /** Plain text; the content script writes it as text, never as HTML. */
  body: v.optional(v.pipe(v.string(), v.maxLength(20_000)), ''),
};
const composeRequestSchema = v.object(composeRequestEntries);
/** What a sender writes (every part optional). */
export type ComposeRequestInput = v.InferInput<typeof composeRequestSchema>;
/** What the content script gets (missing parts filled in as empty). */
export type ComposeRequest = v.InferOutput<typeof composeRequestSchema>;

/**
 * Sidebar iframe → the content script that hosts it (window.postMessage). The content script
 * accepts it only from its own iframe's window and the extension's origin. `sidebar.ready` is
 * the hello after every load that tells the frame still shows our page (lib/dock/guard-frame.ts);
 * `compose.open` opens a new compose in the webmail, prefilled.
 */
export type FrameMessage =
  | { channel: typeof CHANNEL; kind: 'sidebar.close' | 'sidebar.ready' }
  | ({ channel: typeof CHANNEL; kind: 'compose.open' } & ComposeRequestInput);

export const frameMessageSchema = v.variant('kind', [
  v.object({ channel: v.literal(CHANNEL), kind: v.literal('sidebar.close') }),
  v.object({ channel: v.literal(CHANNEL), kind: v.literal('sidebar.ready') }),
  v.object({ channel: v.literal(CHANNEL), kind: v.literal('compose.open'), ...composeRequestEntries }),
]);

/** UI → background over the live-query port. */
export type LiveClientMessage =
  | { kind: 'subscribe'; subId: string; name: QueryName; args: unknown }
  | { kind: 'unsubscribe'; subId: string };

/** Background → UI over the live-query port. */
export type LiveServerMessage =
  | { kind: 'result'; subId: string; value: unknown }
  | { kind: 'error'; subId: string; error: ProtocolError };

export const tabMessageSchema = v.object({
  channel: v.literal(CHANNEL),
  kind: v.picklist(['sidebar.toggle', 'sidebar.open']),
});

/** Parses `value` or explains in one line what was wrong with it. */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; message: string } {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  return { ok: false, message: path ? `${path}: ${issue.message}` : issue.message };
}
