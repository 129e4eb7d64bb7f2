import type { ProtocolError } from './protocol';

/** A refusal the rep should read as-is (not a crash): the email changed, the action is illegal… */
export class CommandRefused extends Error {
  constructor(
    readonly code: ProtocolError['code'],
    message: string,
  ) {
    super(message);
  }
}
