import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { PIXEL_PREFIX } from '../routes.ts';
import { servePixel } from '../tracking/serve-pixel.ts';

/**
 * The node:http server under fastify, answering plain `GET|HEAD /o/<file>` itself (the prefix is
 * routes.ts's PIXEL_PREFIX). The pixel is the hottest URL by far; skipping fastify's request, reply
 * and hook machinery for it took the pixel from 41.9 k to 47.9 k req/s (BENCHMARKS.md). Anything
 * unusual (a %-escape, a doubled slash, a server that is closing) goes to fastify, whose pixel
 * route calls the same servePixel.
 */
export function pixelFastPath(deps: AppDeps, closing: () => boolean) {
  return (fastifyHandler: RequestListener, options: FastifyServerOptions): Server => {
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const url = req.url ?? '';
      if (url.startsWith(PIXEL_PREFIX) && (req.method === 'GET' || req.method === 'HEAD') && !closing()) {
        const query = url.indexOf('?');
        const file = query < 0 ? url.slice(PIXEL_PREFIX.length) : url.slice(PIXEL_PREFIX.length, query);
        if (!file.includes('%')) return servePixel(req, res, file, deps);
      }
      fastifyHandler(req, res);
    });
    // What fastify sets on the server it builds itself.
    server.keepAliveTimeout = options.keepAliveTimeout ?? 72_000;
    server.requestTimeout = options.requestTimeout ?? 0;
    server.setTimeout(options.connectionTimeout ?? 0);
    if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };
}
