import type {
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { Config } from './config.ts';
import type { MailWorker } from './delivery/mail-worker.ts';
import type { HitJournal } from './hits/hit-journal.ts';
import type { RateLimiter } from './http/rate-limit.ts';
import type { Repository } from './storage/repository.ts';
import type { TokenCodec } from './tracking/tokens.ts';

/** Everything a route needs, passed in so tests can build an app around any backend and clock. */
export interface AppDeps {
  config: Config;
  repo: Repository;
  tokens: TokenCodec;
  hitJournal: HitJournal;
  /** The mail process: where send bodies are read and stored, and mails built and sent. */
  mail: MailWorker;
  limiter: RateLimiter;
  now: () => number;
  log: (message: string) => void;
  /** Wakes the send scheduler after a new or changed job, so "send now" does not wait for the next tick. */
  wakeScheduler: () => void;
}

/** A route's handler, made from the deps once, when routes.ts registers it. */
export type Handler<G extends RouteGenericInterface = RouteGenericInterface> = (
  deps: AppDeps,
) => RouteHandlerMethod<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, G>;
