import type { IncomingMessage } from 'node:http';

/**
 * One pixel or click request, as the HTTP thread saw it: made here, journaled one per line
 * (journal-files.ts), read back by the hit writer thread and classified by BatchWriter.
 */
export interface Hit {
  token: string;
  kind: 'view' | 'click';
  linkIndex: number | null;
  url: string | null;
  method: string;
  userAgent: string;
  ip: string;
  purpose: string;
  at: number;
}

const PURPOSE_HEADERS = ['sec-purpose', 'purpose', 'x-purpose', 'x-moz'] as const;

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return (Array.isArray(value) ? value.join(' ') : (value ?? '')).slice(0, 1024);
}

export function hitFromRequest(
  req: IncomingMessage,
  ip: string,
  token: string,
  at: number,
  click?: { index: number; url: string },
): Hit {
  let purpose = '';
  for (const name of PURPOSE_HEADERS) {
    const value = header(req, name);
    if (value) purpose = purpose ? `${purpose} ${value}` : value;
  }
  return {
    token,
    kind: click ? 'click' : 'view',
    linkIndex: click?.index ?? null,
    url: click?.url ?? null,
    method: req.method ?? 'GET',
    userAgent: header(req, 'user-agent'),
    ip,
    purpose,
    at,
  };
}
