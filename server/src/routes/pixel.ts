import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { servePixel } from '../tracking/serve-pixel.ts';

type PixelRequest = FastifyRequest<{ Params: { '*'?: string } }>;

/**
 * GET|HEAD /o/<token>.gif through fastify. A listening server answers plain pixel URLs on its fast
 * path (http/pixel-fast-path.ts) before fastify; this route takes the rest (percent-escaped or
 * doubled slashes) and every `inject` call, with the same servePixel.
 */
export function pixelRoute(app: FastifyInstance, deps: AppDeps): void {
  const handler = (request: PixelRequest, reply: FastifyReply) => {
    reply.hijack();
    servePixel(request.raw, reply.raw, request.params['*'] ?? '', deps);
  };
  // A wildcard (and the bare prefix) so that any path under /o/, empty, nested or mangled by a
  // proxy, still gets the image.
  app.get('/o/*', handler);
  app.get('/o', handler);
}
