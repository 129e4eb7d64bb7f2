import type { IncomingMessage } from 'node:http';

/**
 * The address a hit is limited and grouped by. Behind a trusted proxy it is the first
 * X-Forwarded-For entry (what fastify's `request.ip` gives for `trustProxy: true`); computed here
 * because the pixel is answered before fastify sees the request.
 */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const socketAddress = req.socket.remoteAddress ?? '';
  if (!trustProxy) return socketAddress;
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || socketAddress;
}
