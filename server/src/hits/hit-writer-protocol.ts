import type { AsnDatabaseStatus } from '../classify/network-kinds.ts';
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
  /** Sent once a start, before `ready`: how the ASN database loaded, and the start log's line for it. */
  | { kind: 'networks'; status: AsnDatabaseStatus; summary: string }
  | { kind: 'failed'; message: string }
  | { kind: 'drained'; id: number }
  | { kind: 'log'; message: string }
  | { kind: 'closed' };
