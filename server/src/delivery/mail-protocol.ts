import type { Config } from '../config.ts';
import type { AttemptResult } from '../smtp/sender.ts';
import type { SendJob } from '../storage/repository.ts';
import type { SendReading } from './read-send.ts';

/** The answer refusing a send's body, as read-send.ts gives it. */
export type SendRefusal = Extract<SendReading, { ok: false }>;

/** From the server to the mail process (mail-process.ts); `id` pairs each request with its answer. */
export type ToMail =
  /** First of all: the server's settings, which hold secrets an environment variable would show. */
  | { kind: 'start'; config: Config }
  /** A piece of a send's raw body, as it came; its `schedule` (or `drop`) follows its last piece. */
  | { kind: 'part'; id: number; bytes: Uint8Array }
  /** The body was given up (too large, the client gone): forget its pieces. */
  | { kind: 'drop'; id: number }
  /** Take in the body whose pieces came before, with the server's clock (which tests set). */
  | { kind: 'schedule'; id: number; accountId: number; now: number }
  /** Build and send this due job's mail; its html and text are read there. */
  | { kind: 'deliver'; id: number; job: SendJob }
  /** Finish what was asked, close storage and the SMTP transport, and exit. */
  | { kind: 'close' };

export type FromMail =
  | { kind: 'scheduled'; id: number; job: SendJob }
  | { kind: 'refused'; id: number; refusal: SendRefusal }
  | { kind: 'delivered'; id: number; result: AttemptResult }
  /** The request failed there (storage down): the server answers 500, or tries the delivery later. */
  | { kind: 'failed'; id: number; message: string }
  | { kind: 'log'; message: string };
