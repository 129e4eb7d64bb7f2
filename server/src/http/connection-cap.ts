import type { Server } from 'node:net';

/**
 * Closes a new connection at once when its address already holds `max` open ones, so one slow or
 * greedy client cannot take the sockets everyone else's pixels need (0 = no cap). Counted per
 * address as the socket sees it; a proxy in front (TRUST_PROXY) must cap per client itself.
 */
export function capConnectionsPerAddress(server: Server, max: number): void {
  if (max <= 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
