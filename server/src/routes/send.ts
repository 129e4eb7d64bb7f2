import type { FastifyReply } from 'fastify';
import { describeJob } from '../delivery/schedule-send.ts';
import type { AppDeps, Handler } from '../deps.ts';
import { BodyBudget } from '../http/body-budget.ts';
import { sendBodyLimit } from '../http/body-limits.ts';
import { sendError } from '../http/errors.ts';
import { lingerAndClose } from '../http/linger-close.ts';
import { bodyTooLarge, declaredLength, passBody } from '../http/read-body.ts';

/**
 * POST /v1/send — schedules the send (now, or at sendAt); idempotent per messageId. The body comes
 * unread (routes.ts) and is passed on as it arrives to the mail process, which parses, checks and
 * stores it, so a 10 MB mail never stalls the pixels this thread answers. At most two bodies of
 * the route's limit are taken in at once (many more smaller ones); a send beyond that is turned
 * away before it is read.
 */
export const handleScheduleSend: Handler<{ Body: NodeJS.ReadableStream | undefined }> = (deps) => {
  const limit = sendBodyLimit(deps.config.maxSendBytes);
  const budget = new BodyBudget(2 * limit);
  return async (request, reply) => {
    const declared = declaredLength(request.headers);
    if (declared !== null && declared > limit) throw bodyTooLarge();
    const release = budget.reserve(declared ?? limit);
    if (!release) {
      // Its body is not read: closing the connection stops the upload.
      lingerAndClose(request, reply);
      reply.header('retry-after', '5');
      return sendError(reply, 503, 'busy', 'the server is taking in other large sends; try again in a few seconds');
    }
    const upload = deps.mail.upload(request.accountId, deps.now());
    try {
      await passBody(request.body, limit, upload.write);
      const answer = await upload.finish();
      if (answer.kind === 'refused') {
        const { status, code, message } = answer.refusal;
        return sendError(reply, status, code, message);
      }
      deps.wakeScheduler();
      return reply.code(202).send(describeJob(answer.job));
    } catch (error) {
      upload.drop();
      throw error;
    } finally {
      release();
    }
  };
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
