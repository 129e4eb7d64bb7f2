import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { MailWorker } from './delivery/mail-worker.ts';
import { SendScheduler } from './delivery/send-scheduler.ts';
import { HitJournal } from './hits/hit-journal.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { handleInboundReport } from './smtp/handle-report.ts';
import { createInboundListener, type InboundListener } from './smtp/inbound-listener.ts';
import type { Relay } from './smtp/sender.ts';
import { openStorage } from './storage/open-storage.ts';
import type { Repository } from './storage/repository.ts';
import { createTokenCodec } from './tracking/tokens.ts';

export interface Server {
  app: FastifyInstance;
  repo: Repository;
  hitJournal: HitJournal;
  scheduler: SendScheduler;
  relay: Relay;
  handleReport: (raw: string, recipients: string[]) => Promise<void>;
  inbound: InboundListener | null;
  inboundPort: number | null;
  close(): Promise<void>;
}

export interface ServerOptions {
  now?: () => number;
  log?: (message: string) => void;
  repo?: Repository;
  relay?: Relay;
  /** Background timers (scheduler tick, retention purge); tests drive them by hand instead. */
  timers?: boolean;
}

/**
 * Wires storage, the hit journal (and its writer thread), the mail process, scheduler, HTTP routes
 * and the bounce listener; listening is left to the caller.
 */
export async function createServer(config: Config, options: ServerOptions = {}): Promise<Server> {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((m: string) => console.error(`[server] ${m}`));
  const repo = options.repo ?? (await openStorage(config));
  const hitJournal = await HitJournal.open(config, log);
  const mail = new MailWorker(config, log);
  const relay = options.relay ?? mail.relay;
  const scheduler = new SendScheduler(repo, relay, config, now, log);
  const app = buildApp({
    config,
    repo,
    hitJournal,
    mail,
    now,
    log,
    tokens: createTokenCodec(config.tokenSecret),
    limiter: new RateLimiter(config.rateLimitPerMinute, now),
    wakeScheduler: () => scheduler.wake(),
  });
  const handleReport = async (raw: string, recipients: string[]) => {
    await handleInboundReport(repo, config.bounceDomain, raw, recipients, now());
  };
  let inbound: InboundListener | null = null;
  let inboundPort: number | null = null;
  if (config.inboundSmtpPort > 0) {
    inbound = createInboundListener(config.bounceDomain, handleReport, log);
    inboundPort = await inbound.listen(config.inboundSmtpPort, config.inboundSmtpHost);
  }
  const timers: NodeJS.Timeout[] = [];
  if (options.timers !== false) {
    scheduler.start();
    const purge = () =>
      repo
        .purgeRawHits(now() - config.rawHitRetentionDays * 86_400_000)
        .catch((e: Error) => log(`retention: ${e.message}`));
    timers.push(setInterval(purge, 3_600_000).unref());
    void purge();
  }
  return {
    app,
    repo,
    hitJournal,
    scheduler,
    relay,
    handleReport,
    inbound,
    inboundPort,
    async close() {
      timers.forEach(clearInterval);
      await app.close();
      await hitJournal.close();
      await scheduler.stop();
      await mail.close();
      await inbound?.close();
      await repo.close();
    },
  };
}
