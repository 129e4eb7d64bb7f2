import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { PIXEL_PREFIX } from '../routes.ts';
import { servePixel } from '../tracking/serve-pixel.ts';
import { capConnectionsPerAddress } from './connection-cap.ts';

/**
 * The node:http server under fastify, answering plain `GET|HEAD /o/<file>` itself (the prefix is
 * routes.ts's PIXEL_PREFIX). The pixel is the hottest URL by far; skipping fastify's request, reply
 * and hook machinery for it took the pixel from 41.9 k to 47.9 k req/s (BENCHMARKS.md). Anything
 * unusual (a %-escape, a doubled slash, a server that is closing) goes to fastify, whose pixel
 * route calls the same servePixel.
 */
export function pixelFastPath(deps: AppDeps, closing: () => boolean) {
  return (fastifyHandler: RequestListener, options: FastifyServerOptions): Server => {
    const { headersTimeoutSeconds, keepAliveTimeoutSeconds } = deps.config;
    // Node checks the headers timeout only every `connectionsCheckingInterval` (30 s by default):
    // a client sending its headers a byte a second would hold its socket that long.
    // A request that takes longer than its headers' budget plus a minute to send its body is not a
    // client we serve (node wants headersTimeout ≤ requestTimeout when the server is made).
    const headersTimeout = headersTimeoutSeconds * 1000;
    const requestTimeout = options.requestTimeout || headersTimeout + 60_000;
    const timeouts = { headersTimeout, requestTimeout, connectionsCheckingInterval: 1_000 };
    const server = createServer(timeouts, (req: IncomingMessage, res: ServerResponse) => {
      const url = req.url ?? '';
      if (url.startsWith(PIXEL_PREFIX) && (req.method === 'GET' || req.method === 'HEAD') && !closing()) {
        const query = url.indexOf('?');
        const file = query < 0 ? url.slice(PIXEL_PREFIX.length) : url.slice(PIXEL_PREFIX.length, query);
        if (!file.includes('%')) return servePixel(req, res, file, deps);
      }
      fastifyHandler(req, res);
    });
    // Idle keep-alive sockets go soon: the pixel is fetched once, and idle ones only cost us.
    server.keepAliveTimeout = keepAliveTimeoutSeconds * 1000;
    // What fastify sets on the server it builds itself.
    server.setTimeout(options.connectionTimeout ?? 0);
    if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    // Behind a proxy every connection comes from the proxy's address: no per-address cap there.
    if (!deps.config.trustProxy) capConnectionsPerAddress(server, deps.config.maxConnectionsPerAddress);
    return server;
  };
}
