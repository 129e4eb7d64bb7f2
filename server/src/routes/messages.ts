import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { sendError } from '../http/errors.ts';
import { registerMessage, type RegisterInput } from '../tracking/register-message.ts';

export const messageIdSchema = { type: 'string', minLength: 1, maxLength: 200 } as const;

const registerSchema = {
  type: 'object',
  required: ['messageId', 'sentAt', 'links'],
  additionalProperties: false,
  properties: {
    messageId: messageIdSchema,
    sentAt: { type: 'string', format: 'date-time' },
    recipients: { type: 'array', maxItems: 500, items: { type: 'string', minLength: 3, maxLength: 320 } },
    links: { type: 'array', maxItems: 500, items: { type: 'string', maxLength: 4096 } },
    track: { type: 'boolean' },
  },
} as const;

const trackingSchema = {
  type: 'object', required: ['enabled'], additionalProperties: false, properties: { enabled: { type: 'boolean' } },
} as const;

const selfViewSchema = {
  type: 'object', required: ['messageId'], additionalProperties: false, properties: { messageId: messageIdSchema },
} as const;

export function messageRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.post<{ Body: RegisterInput }>('/v1/messages', { schema: { body: registerSchema } }, async (request, reply) => {
    const result = await registerMessage(deps, request.accountId, request.body);
    if (!result.ok) return sendError(reply, 409, result.code, result.message);
    return reply.code(201).send(result.registration);
  });

  // Archive turns tracking off, unarchive turns it back on; hits are still answered either way.
  app.post<{ Params: { messageId: string }; Body: { enabled: boolean } }>(
    '/v1/messages/:messageId/tracking',
    { schema: { body: trackingSchema } },
    async (request, reply) => {
      const { messageId } = request.params;
      const found = await deps.repo.setTracking(request.accountId, messageId, request.body.enabled);
      if (!found) return sendError(reply, 404, 'message_not_found', `no registered message ${messageId}`);
      return { messageId, tracking: request.body.enabled };
    },
  );

  app.post<{ Body: { messageId: string } }>('/v1/self-view', { schema: { body: selfViewSchema } }, async (request, reply) => {
    const windowMs = deps.config.selfViewWindowSeconds * 1000;
    const found = await deps.repo.markSelfView(request.accountId, request.body.messageId, deps.now(), windowMs);
    if (!found) return sendError(reply, 404, 'message_not_found', `no registered message ${request.body.messageId}`);
    return reply.code(204).send();
  });
}
