// Below every other module: domain code throws it, the messaging layer turns it into a protocol
// error. It imports nothing, so the domain never has to reach up into lib/messaging for it.

/** Why a change was refused: the thing is gone, or it is not in a state that allows the change. */
export type RefusalCode = 'not_found' | 'conflict';

/** A refusal the rep should read as-is (not a crash): the email changed, the action is illegal… */
export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}
