import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { describeJob, scheduleSend, type SendInput } from '../delivery/schedule-send.ts';
import { sendError } from '../http/errors.ts';
import { messageIdSchema } from './messages.ts';

const address = { type: 'string', minLength: 3, maxLength: 320, pattern: '^[^\\s<>@]+@[^\\s<>@]+$' } as const;

const sendSchema = {
  type: 'object',
  required: ['messageId', 'from', 'to', 'subject', 'html'],
  additionalProperties: false,
  properties: {
    messageId: messageIdSchema,
    from: address,
    to: { type: 'array', minItems: 1, maxItems: 100, items: address },
    subject: { type: 'string', maxLength: 998 },
    html: { type: 'string', maxLength: 5_000_000 },
    text: { type: 'string', maxLength: 5_000_000 },
    sendAt: { type: 'string', format: 'date-time' },
  },
} as const;

const rescheduleSchema = {
  type: 'object', required: ['sendAt'], additionalProperties: false, properties: { sendAt: { type: 'string', format: 'date-time' } },
} as const;

export function sendRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.post<{ Body: SendInput }>('/v1/send', { schema: { body: sendSchema }, bodyLimit: 12 * 1024 * 1024 }, async (request, reply) => {
    const job = await scheduleSend(deps, request.accountId, request.body);
    return reply.code(202).send(describeJob(job));
  });

  app.delete<{ Params: { messageId: string } }>('/v1/send/:messageId', async (request, reply) => {
    return changeScheduled(deps, request.accountId, request.params.messageId, { cancel: true }, reply);
  });

  app.patch<{ Params: { messageId: string }; Body: { sendAt: string } }>(
    '/v1/send/:messageId',
    { schema: { body: rescheduleSchema } },
    async (request, reply) => changeScheduled(deps, request.accountId, request.params.messageId, { sendAt: Date.parse(request.body.sendAt) }, reply),
  );
}

async function changeScheduled(
  deps: AppDeps, accountId: number, messageId: string, change: { sendAt?: number; cancel?: boolean },
  reply: import('fastify').FastifyReply,
) {
  const changed = await deps.repo.updateScheduledSend(accountId, messageId, change);
  const job = await deps.repo.findSend(accountId, messageId);
  if (!job) return sendError(reply, 404, 'send_not_found', `no send for message ${messageId}`);
  if (!changed) return sendError(reply, 409, 'send_not_scheduled', `the send is already ${job.status}; it can no longer be changed`);
  deps.wakeScheduler();
  return reply.code(200).send(describeJob(job));
}
