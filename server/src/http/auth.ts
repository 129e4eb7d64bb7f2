import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashApiKey } from '../accounts/api-keys.ts';
import type { Repository } from '../storage/repository.ts';
import { sendError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    accountId: number;
  }
}

/** preHandler for /v1: resolves `Authorization: Bearer <key>` to an account or answers 401. */
export function requireApiKey(repo: Repository) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S{1,200})$/i.exec(header);
    if (!match?.[1]) return sendError(reply, 401, 'unauthorized', 'send Authorization: Bearer <API key>');
    const accountId = await repo.findAccountByKeyHash(hashApiKey(match[1]));
    if (accountId === null) return sendError(reply, 401, 'unauthorized', 'unknown or revoked API key');
    request.accountId = accountId;
  };
}
