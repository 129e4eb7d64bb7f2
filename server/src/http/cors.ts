import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Handler } from '../deps.ts';

// The rep's extension calls /v1 from its service worker, whose origin is chrome-extension://…
// (moz-extension://… in Firefox). Without host permissions the browser applies CORS, so /v1
// answers those origins, and only those: a web page gets no CORS headers and cannot read answers.
// Auth is a bearer key, never a cookie, so no credentials mode is involved.
const EXTENSION_ORIGIN = /^(chrome|moz|safari-web)-extension:\/\/[a-z0-9-]{1,64}$/;

function allow(request: FastifyRequest, reply: FastifyReply): boolean {
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || !EXTENSION_ORIGIN.test(origin)) return false;
  reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
  return true;
}

/** OPTIONS /v1/* — preflights for /v1, answered before (and outside) the API-key check. */
export const answerExtensionPreflight: Handler = () => (request, reply) => {
  if (!allow(request, reply))
    return reply
      .code(403)
      .send({ error: { code: 'origin_not_allowed', message: 'only the extension may call this API from a browser' } });
  return reply
    .code(204)
    .header('access-control-allow-methods', 'GET, POST, PATCH, DELETE')
    .header('access-control-allow-headers', 'authorization, content-type')
    .header('access-control-max-age', '86400')
    .send();
};

/**
 * onRequest hook of the /v1 plugin only (the pixel and click routes stay free of it: it cost
 * about 8 % of their throughput). Registered before the key check, so a 401 is readable too.
 */
export async function echoExtensionOrigin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  allow(request, reply);
}
