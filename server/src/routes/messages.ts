import type { Handler } from '../deps.ts';
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

/** POST /v1/self-view — the rep opened the message: hits within the window become `self`. */
export const handleSelfView: Handler<{ Body: { messageId: string } }> = (deps) => async (request, reply) => {
  const windowMs = deps.config.selfViewWindowSeconds * 1000;
  const found = await deps.repo.markSelfView(request.accountId, request.body.messageId, deps.now(), windowMs);
  if (!found) return sendError(reply, 404, 'message_not_found', `no registered message ${request.body.messageId}`);
  return reply.code(204).send();
};
