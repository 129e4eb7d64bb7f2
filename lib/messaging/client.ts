import { browser } from 'wxt/browser';
import {
  CHANNEL,
  type CommandArgs,
  type CommandName,
  type CommandRequest,
  type CommandResponse,
  type CommandResult,
  type ProtocolError,
} from './protocol';

/** A command the background answered with a refusal; `code` says which kind. */
export class CommandError extends Error {
  readonly code: ProtocolError['code'];
  constructor(error: ProtocolError) {
    super(error.message);
    this.code = error.code;
  }
}

const RETRY_DELAYS_MS = [50, 200, 600, 1500];

/**
 * Sends one command to the background. The id is fixed before the first try, so when the
 * worker dies mid-request and we retry, the background answers the retry from its log
 * instead of applying the command twice.
 */
export async function sendCommand<N extends CommandName>(
  name: N,
  args: CommandArgs<N>,
  id: string = crypto.randomUUID(),
): Promise<CommandResult<N>> {
  const request: CommandRequest<N> = { channel: CHANNEL, kind: 'command', id, name, args };
  let lastError: unknown;
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
    try {
      const response = (await browser.runtime.sendMessage(request)) as CommandResponse<CommandResult<N>> | undefined;
      // No answer at all means the worker was torn down while handling us: try again.
      if (response === undefined) throw new Error('The background did not answer.');
      if (response.ok) return response.value;
      throw new CommandError(response.error);
    } catch (error) {
      if (error instanceof CommandError) throw error;
      lastError = error;
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) break;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  throw new Error(`Command ${name} could not reach the background: ${String(lastError)}`);
}
