import type { AppDeps, Handler } from '../deps.ts';
import { sendError } from '../http/errors.ts';
import { type RegisterInput, registerMessage } from '../tracking/register-message.ts';

/** POST /v1/messages — mints the message's pixel and click URLs; a retry gets the same ones. */
export const handleRegisterMessage: Handler<{ Body: RegisterInput }> = (deps) => async (request, reply) => {
  const result = await registerMessage(deps, request.accountId, request.body);
  if (!result.ok) return sendError(reply, 409, result.code, result.message);
  return reply.code(201).send(result.registration);
};

/**
 * POST /v1/messages/:messageId/tracking — archive turns tracking off, unarchive turns it back on;
 * hits are still answered either way.
 */
export const handleSetTracking: Handler<{ Params: { messageId: string }; Body: { enabled: boolean } }> =
  (deps) => async (request, reply) => {
    const { messageId } = request.params;
    const found = await deps.repo.setTracking(request.accountId, messageId, request.body.enabled);
    if (!found) return sendError(reply, 404, 'message_not_found', `no registered message ${messageId}`);
    return { messageId, tracking: request.body.enabled };
  };

/**
 * POST /v1/self-view — the rep opened the message: hits within the window become `self`. A token
 * counts only when it is well formed (and signed, with a secret) and its message is this rep's:
 * another account's token is as unknown as a made-up one.
 */
export const handleSelfView: Handler<{ Body: { messageId?: string; token?: string } }> =
  (deps) => async (request, reply) => {
    const messageId = await selfViewedMessageId(deps, request.accountId, request.body);
    const windowMs = deps.config.selfViewWindowSeconds * 1000;
    const found =
      messageId !== null && (await deps.repo.markSelfView(request.accountId, messageId, deps.now(), windowMs));
    if (!found) {
      const which = request.body.messageId ?? 'with that pixel token';
      return sendError(reply, 404, 'message_not_found', `no registered message ${which}`);
    }
    return reply.code(204).send();
  };

async function selfViewedMessageId(
  deps: AppDeps,
  accountId: number,
  body: { messageId?: string; token?: string },
): Promise<string | null> {
  if (body.messageId !== undefined) return body.messageId;
  const token = body.token === undefined ? null : deps.tokens.check(body.token);
  if (!token) return null;
  const message = (await deps.repo.findMessagesByTokens([token])).get(token);
  return message && message.accountId === accountId ? message.messageId : null;
}
