import type { Config } from '../config.ts';
import { type EventReason, eventReason } from '../reasons/event-reasons.ts';
import type { AttemptResult, Relay } from '../smtp/sender.ts';
import type { NewEvent, Repository, SendJob } from '../storage/repository.ts';
import { describeSmtpFailure } from './smtp-status.ts';

const BOUNCE_AT_SEND = {
  blocked: 'bounce.blockedAtSend',
  hard: 'bounce.hardAtSend',
  soft: 'bounce.softAtSend',
} as const;

const LEASE_MS = 10 * 60_000;
const CLAIM_BATCH = 10;

/**
 * Sends due jobs held by the server, so a scheduled mail leaves while the rep's laptop is closed.
 * Jobs are claimed under a lease; a job still `sending` after its lease (the process died mid-send)
 * is marked failed rather than sent again blindly, because the relay may already have it.
 */
export class SendScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private readonly repo: Repository;
  private readonly relay: Relay;
  private readonly config: Config;
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(repo: Repository, relay: Relay, config: Config, now: () => number, log: (message: string) => void) {
    this.repo = repo;
    this.relay = relay;
    this.config = config;
    this.now = now;
    this.log = log;
  }

  start(): void {
    this.timer = setInterval(() => this.wake(), this.config.schedulerIntervalMs);
    this.timer.unref();
    this.wake();
  }

  /** Runs a pass now (or right after the current one). */
  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch((error: Error) => this.log(`send scheduler: ${error.message}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves once no pass is running; used by tests and at shutdown. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.again = false;
    await this.idle();
    this.relay.close();
  }

  private async pass(): Promise<void> {
    const now = this.now();
    for (const job of await this.repo.expireStaleSends(now)) {
      await this.repo.insertEvents(
        job.to.map((r) => this.event(job, 'failed', eventReason('failed.interrupted'), r)),
        now,
      );
    }
    const jobs = await this.repo.claimDueSends(now, LEASE_MS, CLAIM_BATCH);
    await Promise.all(jobs.map((job) => this.send(job)));
    if (jobs.length === CLAIM_BATCH) this.again = true;
  }

  /** One event about `recipient`; `detail` starts with it when it says more (the relay's answer). */
  private event(
    job: SendJob,
    type: NewEvent['type'],
    reason: EventReason,
    recipient: string,
    detail = recipient,
  ): NewEvent {
    return {
      accountId: job.accountId,
      messagePk: job.messagePk,
      messageId: job.messageId,
      type,
      at: this.now(),
      classification: null,
      ...reason,
      detail,
      recipient,
    };
  }

  /** A 4xx (or no answer) at send: retried while attempts are left, then given up on. */
  private deferredReason(smtpCode: number | null, retry: boolean, attempts: number): EventReason {
    const of = { attempt: attempts, attempts: this.config.retryDelaysSeconds.length };
    if (retry)
      return smtpCode === null
        ? eventReason('deferred.noAnswerRetrying', of)
        : eventReason('deferred.retrying', { smtpCode, ...of });
    return smtpCode === null
      ? eventReason('failed.noAnswer', { attempts })
      : eventReason('failed.stillDeferred', { smtpCode, attempts });
  }

  private async send(job: SendJob): Promise<void> {
    await this.repo.setSentAt(job.messagePk, this.now());
    const result: AttemptResult = await this.relay.attempt(job);
    const delays = this.config.retryDelaysSeconds;
    const retry = job.attempts <= delays.length && result.deferred.length > 0;
    const events: NewEvent[] = [
      ...result.accepted.map((r) => this.event(job, 'delivered', eventReason('delivered.relayAccepted'), r)),
      ...result.rejected.map((f) => {
        const failure = describeSmtpFailure(f.code, f.response);
        return this.event(
          job,
          'bounce',
          eventReason(BOUNCE_AT_SEND[failure.kind], { smtpCode: f.code ?? '?' }),
          f.recipient,
          `${f.recipient}: ${failure.detail}`,
        );
      }),
      ...result.deferred.map((f) =>
        this.event(
          job,
          retry ? 'deferred' : 'failed',
          this.deferredReason(f.code, retry, job.attempts),
          f.recipient,
          `${f.recipient}: ${f.response}`,
        ),
      ),
    ];
    const now = this.now();
    await this.repo.insertEvents(events, now);
    const remaining = result.deferred.map((f) => f.recipient);
    const status = remaining.length === 0 ? 'sent' : retry ? 'scheduled' : 'failed';
    const delay = (delays[job.attempts - 1] ?? 0) * 1000;
    await this.repo.finishSendAttempt(job.id, {
      status,
      to: remaining,
      sendAt: retry ? now + delay : job.sendAt,
      error: result.deferred[0]?.response ?? result.rejected[0]?.response ?? null,
    });
    if (retry && delay === 0) this.again = true;
  }
}
