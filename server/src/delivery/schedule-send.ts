import type { Repository, SendJob } from '../storage/repository.ts';
import type { TokenCodec } from '../tracking/tokens.ts';

export interface SendInput {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text?: string;
  sendAt?: string;
}

export function describeJob(job: SendJob) {
  return {
    messageId: job.messageId,
    status: job.status,
    sendAt: new Date(job.sendAt).toISOString(),
    attempts: job.attempts,
  };
}

/**
 * Queues a send for the server to deliver (now, or at sendAt). Idempotent on messageId. A message
 * the extension did not register first is registered here without links, so its bounces and
 * complaints still reach the feed. Runs in the mail process (mail-process.ts), with its storage;
 * `now` is the server's clock, which tests set.
 */
export async function scheduleSend(
  deps: { repo: Repository; tokens: TokenCodec },
  accountId: number,
  input: SendInput,
  now: number,
): Promise<SendJob> {
  const sendAt = input.sendAt ? Date.parse(input.sendAt) : now;
  const message =
    (await deps.repo.findMessage(accountId, input.messageId)) ??
    (await deps.repo.insertMessage(
      {
        accountId,
        messageId: input.messageId,
        token: deps.tokens.mint(),
        sentAt: sendAt,
        tracking: true,
        recipients: input.to,
        links: [],
      },
      now,
    ));
  return deps.repo.insertSend(
    {
      accountId,
      messagePk: message.pk,
      messageId: input.messageId,
      from: input.from,
      to: input.to,
      subject: input.subject,
      html: input.html,
      text: input.text ?? null,
      sendAt,
    },
    now,
  );
}
