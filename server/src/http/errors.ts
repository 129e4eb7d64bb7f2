import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { lingerAndClose } from './linger-close.ts';

export interface ErrorBody {
  error: { code: string; message: string };
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ error: { code, message } } satisfies ErrorBody);
}

const codeByStatus: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'body_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  431: 'headers_too_large',
};

/** Every error leaves as `{error:{code,message}}`; bad input is a 4xx, never a 500. */
export function installErrorHandlers(app: FastifyInstance, log: (message: string) => void): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) return sendError(reply, 400, 'invalid_request', error.message);
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      log(`${request.method} ${request.url.slice(0, 200)} failed: ${error.stack ?? error.message}`);
      return sendError(reply, 500, 'internal', 'the server could not complete the request');
    }
    if (status === 413) {
      // The body was not read to its end: closing the connection stops the rest of the upload.
      lingerAndClose(request, reply);
      const limit = request.routeOptions.bodyLimit;
      return sendError(
        reply,
        413,
        'body_too_large',
        `the request body is too large: the limit for this route is ${limit} bytes`,
      );
    }
    return sendError(reply, status, codeByStatus[status] ?? 'bad_request', error.message);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not_found', `no route for ${request.method} ${request.url.split('?')[0]?.slice(0, 100)}`),
  );
}
