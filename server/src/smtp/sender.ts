import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { SendContent, SendJob } from '../storage/repository.ts';
import { bounceAddress, originalMessageId } from './verp.ts';

export interface RecipientFailure {
  recipient: string;
  code: number | null;
  response: string;
}

/** What one SMTP transaction did with each remaining recipient. */
export interface AttemptResult {
  accepted: string[];
  /** 5xx: permanent, becomes a bounce. */
  rejected: RecipientFailure[];
  /** 4xx or no answer at all (connection refused, timeout): try again later. */
  deferred: RecipientFailure[];
}

/** What the send scheduler hands due jobs to. */
export interface Relay {
  describe(): string;
  attempt(job: SendJob): Promise<AttemptResult>;
  close(): void;
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  recipient?: string;
  rejectedErrors?: SmtpError[];
}

function failureOf(error: SmtpError, recipient: string): RecipientFailure {
  return { recipient, code: error.responseCode ?? null, response: (error.response ?? error.message).slice(0, 500) };
}

/** Splits nodemailer's per-recipient errors into permanent and temporary ones. */
export function sortFailures(
  errors: SmtpError[],
  fallbackRecipients: string[],
  whole?: SmtpError,
): { rejected: RecipientFailure[]; deferred: RecipientFailure[] } {
  const rejected: RecipientFailure[] = [];
  const deferred: RecipientFailure[] = [];
  const list =
    errors.length > 0
      ? errors.map((e) => failureOf(e, e.recipient ?? ''))
      : fallbackRecipients.map((r) => failureOf(whole ?? new Error('send failed'), r));
  for (const failure of list) (failure.code !== null && failure.code >= 500 ? rejected : deferred).push(failure);
  return { rejected, deferred };
}

export function describeRelay(config: Pick<Config, 'smtpHost' | 'smtpPort'>): string {
  return config.smtpHost ? `smtp://${config.smtpHost}:${config.smtpPort}` : 'none (SMTP_HOST not set)';
}

/**
 * The relay through nodemailer. It builds and streams the whole MIME message, 200–350 ms of
 * JavaScript for a 10 MB mail (BENCHMARKS.md), so it runs in the mail process (delivery/mail-process.ts),
 * which reads each job's html and text with `contentOf`.
 */
export function createSmtpRelay(config: Config, contentOf: (job: SendJob) => Promise<SendContent | null>): Relay {
  const transport = nodemailer.createTransport({
    host: config.smtpHost,
    port: config.smtpPort,
    secure: config.smtpSecure,
    auth: config.smtpUser ? { user: config.smtpUser, pass: config.smtpPass } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    describe: () => describeRelay(config),
    close: () => transport.close(),
    async attempt(job) {
      if (!config.smtpHost) {
        return {
          accepted: [],
          rejected: [],
          deferred: job.to.map((r) => ({ recipient: r, code: null, response: 'no SMTP relay configured' })),
        };
      }
      try {
        const content = await contentOf(job);
        if (!content) throw new Error(`send ${job.id} has no stored content`);
        const info = await transport.sendMail({
          envelope: { from: bounceAddress(job.token, config.bounceDomain), to: job.to },
          from: job.from,
          to: job.to,
          subject: job.subject,
          html: content.html,
          text: content.text ?? undefined,
          messageId: originalMessageId(job.token, config.bounceDomain),
          headers: { 'X-ICC-Token': job.token },
          dsn: { id: job.token, return: 'headers', notify: ['failure', 'delay'], recipient: job.from },
        });
        const accepted = (info.accepted as unknown[]).map((a) =>
          typeof a === 'string' ? a : String((a as { address?: string }).address),
        );
        const errors = (info as { rejectedErrors?: SmtpError[] }).rejectedErrors ?? [];
        return { accepted, ...sortFailures(errors, []) };
      } catch (error) {
        const e = error as SmtpError;
        return { accepted: [], ...sortFailures(e.rejectedErrors ?? [], job.to, e) };
      }
    },
  };
}
