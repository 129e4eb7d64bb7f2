import { Refusal } from '../errors/refusal';
import { commands } from './commands';
import type { CommandArgs, CommandName, CommandResponse, CommandResult, ProtocolError } from './protocol';
import { parseWith } from './protocol';
import { commandRequestSchema } from './request-schemas';
import { describeSender, type ExtensionIdentity, isTrustedSender, type SenderInfo } from './sender';

/** Where a command came from, for the few handlers that answer per tab (`sidebar.checkIn`). */
export interface CommandContext {
  /** The tab of the content script or of the extension frame that sent it. */
  tabId?: number | undefined;
}

/** One handler per command, typed from its definition in commands.ts. */
export type CommandHandlers = {
  [N in CommandName]: (args: CommandArgs<N>, context: CommandContext) => Promise<CommandResult<N>>;
};

export interface CommandRouterDeps {
  self: ExtensionIdentity;
  handlers: CommandHandlers;
  /** Runs `run` once per command id: a retry of an applied id returns the stored answer. */
  once: (id: string, name: CommandName, run: () => Promise<unknown>) => Promise<unknown>;
  reject: (reason: string, sender: string, summary: string) => void;
}

/** Validates, authorises and runs one incoming command; never throws. */
export async function routeCommand(
  message: unknown,
  sender: SenderInfo,
  deps: CommandRouterDeps,
): Promise<CommandResponse> {
  if (!isTrustedSender(sender, deps.self)) {
    deps.reject('unknown sender', describeSender(sender), summarise(message));
    return failure('rejected', 'Messages from this sender are not accepted.');
  }
  const request = parseWith(commandRequestSchema, message);
  if (!request.ok) {
    deps.reject('malformed message', describeSender(sender), request.message);
    return failure('invalid', `Malformed message: ${request.message}`);
  }
  const { id, name } = request.value;
  const args = parseWith(commands[name].args, request.value.args);
  if (!args.ok) {
    deps.reject('invalid arguments', describeSender(sender), `${name}: ${args.message}`);
    return failure('invalid', `${name}: ${args.message}`);
  }
  try {
    // TypeScript cannot pair `name` with its own handler across the union; the schema just did.
    const handler = deps.handlers[name] as (args: unknown, context: CommandContext) => Promise<unknown>;
    const value = await deps.once(id, name, () => handler(args.value, { tabId: sender.tab?.id }));
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Refusal) return failure(error.code, error.message);
    console.error(`[command-center] ${name} failed`, error);
    return failure('failed', error instanceof Error ? error.message : String(error));
  }
}

function failure(code: ProtocolError['code'], message: string): CommandResponse {
  return { ok: false, error: { code, message } };
}

/** The shape of a refused message, without its content: it may hold mail data. */
export function summarise(message: unknown): string {
  if (message === null || typeof message !== 'object') return `a ${typeof message}`;
  const keys = Object.keys(message).slice(0, 6).join(', ');
  return `object with keys: ${keys}`;
}
