import type { Config } from '../config.ts';

/** What the hit writer's worker thread is started with. */
export interface WriterData {
  config: Config;
  dir: string;
  journalId: string;
}

/** From the HTTP thread to the hit writer. */
export type ToWriter =
  /** Answer `drained` with the same id once everything before this place in the journal is written. */
  | { kind: 'drain'; id: number; segment: number; offset: number }
  /** Write everything journaled so far, close storage and stop. */
  | { kind: 'close' };

export type FromWriter =
  /** Storage is open and the journal left by an earlier run is written. */
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'drained'; id: number }
  | { kind: 'log'; message: string }
  | { kind: 'closed' };
