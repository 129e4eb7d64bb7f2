import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { AppDeps } from './deps.ts';
import { requireApiKey } from './http/auth.ts';
import { answerExtensionPreflight, echoExtensionOrigin } from './http/cors.ts';
import { installErrorHandlers, sendError } from './http/errors.ts';
import { pixelFastPath } from './http/pixel-fast-path.ts';
import { PIXEL_GIF, PIXEL_HEADERS } from './tracking/pixel-gif.ts';
import { clickRoute } from './routes/click.ts';
import { eventRoutes } from './routes/events.ts';
import { messageRoutes } from './routes/messages.ts';
import { pixelRoute } from './routes/pixel.ts';
import { sendRoutes } from './routes/send.ts';

/** Every URL the server answers is registered here. */
export function buildApp(deps: AppDeps): FastifyInstance {
  let closing = false;
  const app = Fastify({
    serverFactory: pixelFastPath(deps, () => closing),
    logger: false,
    bodyLimit: 256 * 1024,
    trustProxy: deps.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 200 },
    return503OnClosing: true,
    // Strict bodies: an unknown field or a string where a list belongs is an error, not silently fixed.
    // Scalars are still coerced, which the query string (limit=50) needs.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true } },
    // A URL the router cannot decode (bad %-escape, over-long segment) never reaches a route: the
    // pixel must still answer with the image, everything else gets a JSON 4xx.
    frameworkErrors: (error, request, reply) => {
      if (request.url.startsWith('/o/')) return (reply as FastifyReply).code(200).headers(PIXEL_HEADERS).send(PIXEL_GIF);
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      return sendError(reply, status, status === 414 ? 'uri_too_long' : 'bad_url', 'the URL could not be read');
    },
  });
  installErrorHandlers(app, deps.log);
  // From here on fastify answers 503 and lets keep-alive connections go; the fast path must too.
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });

  // Public, unauthenticated, limited per address; they carry no identity, only a token.
  pixelRoute(app, deps);
  clickRoute(app, deps);
  app.get('/healthz', async () => ({ ok: true, storage: deps.repo.kind }));

  answerExtensionPreflight(app);
  app.register(async (v1) => {
    v1.addHook('onRequest', echoExtensionOrigin);
    v1.addHook('onRequest', requireApiKey(deps.repo));
    messageRoutes(v1, deps);
    eventRoutes(v1, deps);
    sendRoutes(v1, deps);
  });
  return app;
}
