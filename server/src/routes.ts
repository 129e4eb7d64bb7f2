import type { FastifyInstance, FastifySchema, HTTPMethods, RouteGenericInterface } from 'fastify';
import type { AppDeps, Handler } from './deps.ts';
import { requireApiKey } from './http/auth.ts';
import { REGISTER_BODY_LIMIT, SMALL_BODY_LIMIT, sendBodyLimit } from './http/body-limits.ts';
import { answerExtensionPreflight, echoExtensionOrigin } from './http/cors.ts';
import {
  feedQuerySchema,
  registerSchema,
  rescheduleSchema,
  selfViewSchema,
  trackingSchema,
} from './http/request-schemas.ts';
import { handleClick } from './routes/click.ts';
import { handleReadEvents } from './routes/events.ts';
import { handleHealth } from './routes/health.ts';
import { handleRegisterMessage, handleSelfView, handleSetTracking } from './routes/messages.ts';
import { handlePixel } from './routes/pixel.ts';
import { handleCancelSend, handleRescheduleSend, handleScheduleSend } from './routes/send.ts';

// Every path the server answers, with its method, handler, schema and body limit (http/body-limits.ts;
// a route without one takes NO_BODY_LIMIT, app.ts). A GET answers HEAD too (fastify's
// exposeHeadRoutes). Anything else gets the JSON 404 of http/errors.ts.

/**
 * The pixel's path, `/o/<token>.gif`. The node:http fast path in front of fastify
 * (http/pixel-fast-path.ts) and app.ts's answer to unreadable URLs match it too, from here.
 */
export const PIXEL_PATH = '/o';
export const PIXEL_PREFIX = `${PIXEL_PATH}/`;

type Mount = (app: FastifyInstance, deps: AppDeps) => void;
interface RouteOptions {
  schema?: FastifySchema;
  bodyLimit?: number;
}

function route<G extends RouteGenericInterface>(
  method: HTTPMethods,
  url: string,
  handler: Handler<G>,
  options: RouteOptions = {},
): Mount {
  return (app, deps) => {
    app.route<G>({ method, url, ...options, handler: handler(deps) });
  };
}

/** No API key: they carry only a token (or nothing), and the pixel and click limit each address. */
const PUBLIC_ROUTES: Mount[] = [
  // A wildcard (and the bare prefix) so that any path under /o/, empty, nested or mangled by a
  // proxy, still gets the image.
  route('GET', `${PIXEL_PREFIX}*`, handlePixel),
  route('GET', PIXEL_PATH, handlePixel),
  route('GET', '/c/:token/:n', handleClick),
  route('GET', '/healthz', handleHealth),
  route('OPTIONS', '/v1/*', answerExtensionPreflight),
];

/**
 * POST /v1/send takes a mail of up to MAX_SEND_BYTES. Its JSON is not parsed here: in a scope of
 * its own, the body goes to the handler unread (routes/send.ts), which hands it to the mail
 * process, where it is parsed and checked against `sendSchema` (http/request-schemas.ts).
 */
const mountSend: Mount = (app, deps) => {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', (_request, payload, done) => done(null, payload));
    route('POST', '/v1/send', handleScheduleSend, { bodyLimit: sendBodyLimit(deps.config.maxSendBytes) })(scope, deps);
  });
};

/** `Authorization: Bearer <API key>`; answers readable by the extension (CORS). */
const API_ROUTES: Mount[] = [
  route('POST', '/v1/messages', handleRegisterMessage, {
    schema: { body: registerSchema },
    bodyLimit: REGISTER_BODY_LIMIT,
  }),
  route('POST', '/v1/messages/:messageId/tracking', handleSetTracking, {
    schema: { body: trackingSchema },
    bodyLimit: SMALL_BODY_LIMIT,
  }),
  route('POST', '/v1/self-view', handleSelfView, { schema: { body: selfViewSchema }, bodyLimit: SMALL_BODY_LIMIT }),
  route('GET', '/v1/events', handleReadEvents, { schema: { querystring: feedQuerySchema } }),
  mountSend,
  route('DELETE', '/v1/send/:messageId', handleCancelSend),
  route('PATCH', '/v1/send/:messageId', handleRescheduleSend, {
    schema: { body: rescheduleSchema },
    bodyLimit: SMALL_BODY_LIMIT,
  }),
];

export function registerRoutes(app: FastifyInstance, deps: AppDeps): void {
  for (const mount of PUBLIC_ROUTES) mount(app, deps);
  // The API's hooks live in its own plugin, so the pixel and click never run them.
  app.register(async (v1) => {
    v1.addHook('onRequest', echoExtensionOrigin);
    v1.addHook('onRequest', requireApiKey(deps.repo));
    for (const mount of API_ROUTES) mount(v1, deps);
  });
}
