import type { FastifyReply } from 'fastify';
import { describeJob, type SendInput, scheduleSend } from '../delivery/schedule-send.ts';
import type { AppDeps, Handler } from '../deps.ts';
import { sendError } from '../http/errors.ts';

/** POST /v1/send — schedules the send (now, or at sendAt); idempotent per messageId. */
export const handleScheduleSend: Handler<{ Body: SendInput }> = (deps) => async (request, reply) => {
  const job = await scheduleSend(deps, request.accountId, request.body);
  return reply.code(202).send(describeJob(job));
};

/** DELETE /v1/send/:messageId — cancels the send while it is still scheduled. */
export const handleCancelSend: Handler<{ Params: { messageId: string } }> = (deps) => async (request, reply) => {
  return changeScheduled(deps, request.accountId, request.params.messageId, { cancel: true }, reply);
};

/** PATCH /v1/send/:messageId — moves the send to another time while it is still scheduled. */
export const handleRescheduleSend: Handler<{ Params: { messageId: string }; Body: { sendAt: string } }> =
  (deps) => async (request, reply) =>
    changeScheduled(
      deps,
      request.accountId,
      request.params.messageId,
      { sendAt: Date.parse(request.body.sendAt) },
      reply,
    );

async function changeScheduled(
  deps: AppDeps,
  accountId: number,
  messageId: string,
  change: { sendAt?: number; cancel?: boolean },
  reply: FastifyReply,
) {
  const changed = await deps.repo.updateScheduledSend(accountId, messageId, change);
  const job = await deps.repo.findSend(accountId, messageId);
  if (!job) return sendError(reply, 404, 'send_not_found', `no send for message ${messageId}`);
  if (!changed)
    return sendError(
      reply,
      409,
      'send_not_scheduled',
      `the send is already ${job.status}; it can no longer be changed`,
    );
  deps.wakeScheduler();
  return reply.code(200).send(describeJob(job));
}
