import type { Handler } from '../deps.ts';
import { servePixel } from '../tracking/serve-pixel.ts';

/**
 * GET|HEAD /o/<token>.gif through fastify. A listening server answers plain pixel URLs on its fast
 * path (http/pixel-fast-path.ts) before fastify; this route takes the rest (percent-escaped or
 * doubled slashes) and every `inject` call, with the same servePixel.
 */
export const handlePixel: Handler<{ Params: { '*'?: string } }> = (deps) => (request, reply) => {
  reply.hijack();
  servePixel(request.raw, reply.raw, request.params['*'] ?? '', deps);
};
