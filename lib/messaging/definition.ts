import type * as v from 'valibot';

// The shape of one entry in `commands.ts` or `queries.ts`. Everything the protocol knows about
// a command or a live query is stated there, once; handlers, query runners, the client and the
// e2e helpers take their types from it, so a handler returning the wrong shape fails `tsc`.

declare const resultType: unique symbol;

/** Carries a result type in a definition, for the compiler only: at runtime it is `{}`. */
export interface Returns<T> {
  readonly [resultType]?: T;
}

/** `result: returns<ActionResult>()` says what a handler answers. */
export const returns = <T>(): Returns<T> => ({});

export type ResultOf<D> = D extends { result: Returns<infer R> } ? R : never;

export interface QueryDefinition {
  /** Checked in the background before anything runs; other contexts cannot be trusted. */
  args: v.GenericSchema;
  result: Returns<unknown>;
}

export interface CommandDefinition extends QueryDefinition {
  /**
   * `inside`: the handler's writes and the command-log entry commit in one Dexie transaction
   * (lib/background/command-log.ts), so a worker killed mid-command leaves neither.
   * `outside`: the handler cannot run in one IndexedDB transaction (too large, or it waits on
   * the network or on `storage`); it must be idempotent, and it is logged after it finishes.
   */
  transaction: 'inside' | 'outside';
}
