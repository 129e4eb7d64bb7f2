import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppDeps } from '../deps.ts';
import { hitFromRequest } from '../hits/hit-from-request.ts';
import { clientIp } from '../http/client-ip.ts';
import { PIXEL_GIF, PIXEL_HEADERS } from './pixel-gif.ts';

/**
 * Answers one pixel request: always the GIF, whatever the token or the storage says. `file` is what
 * follows `/o/`. No await: the hit goes to the hit journal, which sends the GIF once the hit is
 * written to disk. Shared by the fast path in front of fastify and by the fastify route (which
 * `inject` uses).
 */
export function servePixel(req: IncomingMessage, res: ServerResponse, file: string, deps: AppDeps): void {
  const sendGif = () => {
    if (res.headersSent) return;
    res.writeHead(200, PIXEL_HEADERS);
    res.end(PIXEL_GIF);
  };
  try {
    const token = file.endsWith('.gif') ? deps.tokens.check(file.slice(0, -4)) : null;
    if (!token) {
      sendGif();
      return;
    }
    const ip = clientIp(req, deps.config.trustProxy);
    if (!deps.limiter.allow(ip)) {
      sendGif();
      return;
    }
    deps.hitJournal.record(hitFromRequest(req, ip, token, deps.now()), sendGif);
  } catch (error) {
    deps.log(`pixel: ${(error as Error).message}`);
    sendGif();
  }
}
