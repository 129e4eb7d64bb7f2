import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { AppDeps } from './deps.ts';
import { NO_BODY_LIMIT } from './http/body-limits.ts';
import { installErrorHandlers, sendError } from './http/errors.ts';
import { pixelFastPath } from './http/pixel-fast-path.ts';
import { ajvOptions } from './http/request-schemas.ts';
import { PIXEL_PREFIX, registerRoutes } from './routes.ts';
import { PIXEL_GIF, PIXEL_HEADERS } from './tracking/pixel-gif.ts';

/** The fastify app: its options, error answers and closing; every URL it answers is in routes.ts. */
export function buildApp(deps: AppDeps): FastifyInstance {
  let closing = false;
  const app = Fastify({
    serverFactory: pixelFastPath(deps, () => closing),
    logger: false,
    // Routes that take a body say how large (routes.ts); any other takes next to nothing.
    bodyLimit: NO_BODY_LIMIT,
    trustProxy: deps.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 200 },
    return503OnClosing: true,
    ajv: { customOptions: ajvOptions },
    // A URL the router cannot decode (bad %-escape, over-long segment) never reaches a route: the
    // pixel must still answer with the image, everything else gets a JSON 4xx.
    frameworkErrors: (error, request, reply) => {
      if (request.url.startsWith(PIXEL_PREFIX))
        return (reply as FastifyReply).code(200).headers(PIXEL_HEADERS).send(PIXEL_GIF);
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
  registerRoutes(app, deps);
  return app;
}
