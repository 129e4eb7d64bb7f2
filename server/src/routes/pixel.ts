import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { hitFromRequest } from '../tracking/hit-from-request.ts';
import { PIXEL_GIF, PIXEL_HEADERS } from '../tracking/pixel-gif.ts';

type PixelRequest = FastifyRequest<{ Params: { '*'?: string } }>;

/**
 * GET|HEAD /o/<token>.gif — always the GIF, whatever the token or the storage says. No await here:
 * the hit goes to the batch writer, which sends the prebuilt GIF once the batch has committed.
 */
export function pixelRoute(app: FastifyInstance, deps: AppDeps): void {
  const handler = (request: PixelRequest, reply: FastifyReply) => {
    const sendGif = () => {
      if (!reply.sent) reply.code(200).headers(PIXEL_HEADERS).send(PIXEL_GIF);
    };
    try {
      const file = request.params['*'] ?? '';
      const token = file.endsWith('.gif') ? deps.tokens.check(file.slice(0, -4)) : null;
      if (!token || !deps.limiter.allow(request.ip)) return sendGif();
      deps.recorder.record(hitFromRequest(request, token, deps.now()), sendGif);
    } catch (error) {
      deps.log(`pixel: ${(error as Error).message}`);
      sendGif();
    }
  };
  // A wildcard (and the bare prefix) so that any path under /o/, empty, nested or mangled by a
  // proxy, still gets the image.
  app.get('/o/*', handler);
  app.get('/o', handler);
}
