import type { FastifyReply, FastifyRequest } from 'fastify';

/** How long a refused upload is read and thrown away before its connection is cut. */
const LINGER_MS = 2000;

/**
 * Closes the connection of a request whose body is refused unread (413, 503) without losing the
 * answer. Closing a socket with unread bytes from the client makes the kernel send a reset, and a
 * reset makes the client's side drop the answer it has not read yet: the client would see its
 * upload cut off and never learn why. So, as web servers do ("lingering close"), the answer goes
 * out, then our half of the connection is closed, and what the client still sends is read and
 * dropped until it closes its half or LINGER_MS pass.
 */
export function lingerAndClose(request: FastifyRequest, reply: FastifyReply): void {
  const socket = request.raw.socket;
  reply.raw.once('finish', () => {
    request.raw.resume();
    socket.on('data', () => {});
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
}
