import type { FastifyReply } from 'fastify';
import type { Handler } from '../deps.ts';
import { hitFromRequest } from '../hits/hit-from-request.ts';
import { clientIp } from '../http/client-ip.ts';

function page(reply: FastifyReply, status: number, text: string): FastifyReply {
  return reply.code(status).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(text);
}

/**
 * GET|HEAD /c/<token>/<n> — 302 to the URL stored for link n of that token, and nowhere else:
 * nothing from the request ever becomes the Location. Leading digits of <n> are enough, because
 * gateways that re-wrap links sometimes glue junk (`0&d=…`) onto the last path segment.
 */
export const handleClick: Handler<{ Params: { token: string; n: string } }> = (deps) => async (request, reply) => {
  const ip = clientIp(request.raw, deps.config.trustProxy);
  if (!deps.limiter.allow(ip)) return page(reply, 429, 'Too many requests. Please try again in a minute.');
  const token = deps.tokens.check(request.params.token);
  const digits = /^\d{1,4}/.exec(request.params.n);
  if (!token || !digits) return page(reply, 404, 'This link is not valid.');
  let url: string | null | undefined;
  try {
    url = (await deps.repo.findMessagesByTokens([token]))
      .get(token)
      ?.links.find((l) => l.index === Number(digits[0]))?.url;
  } catch (error) {
    deps.log(`click lookup failed: ${(error as Error).message}`);
    return page(reply, 503, 'This link cannot be opened right now. Please try again shortly.');
  }
  if (!url) return page(reply, 404, 'This link is not valid.');
  const target = url;
  deps.hitJournal.record(
    hitFromRequest(request.raw, ip, token, deps.now(), { index: Number(digits[0]), url: target }),
    () => {
      if (!reply.sent) reply.header('cache-control', 'no-store').redirect(target, 302);
    },
  );
  return reply;
};
