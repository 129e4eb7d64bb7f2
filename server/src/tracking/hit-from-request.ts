import type { FastifyRequest } from 'fastify';
import type { Hit } from './hit-recorder.ts';

function header(request: FastifyRequest, name: string): string {
  const value = request.headers[name];
  return (Array.isArray(value) ? value.join(' ') : value ?? '').slice(0, 1024);
}

export function hitFromRequest(request: FastifyRequest, token: string, at: number, click?: { index: number; url: string }): Hit {
  return {
    token,
    kind: click ? 'click' : 'view',
    linkIndex: click?.index ?? null,
    url: click?.url ?? null,
    method: request.method,
    userAgent: header(request, 'user-agent'),
    ip: request.ip,
    purpose: ['sec-purpose', 'purpose', 'x-purpose', 'x-moz'].map((h) => header(request, h)).filter(Boolean).join(' '),
    at,
  };
}
