import type { IncomingHttpHeaders } from 'node:http';

/** The Content-Length a request declares, or null when it has none (a chunked body). */
export function declaredLength(headers: IncomingHttpHeaders): number | null {
  const length = Number(headers['content-length']);
  return headers['content-length'] !== undefined && Number.isSafeInteger(length) && length >= 0 ? length : null;
}

/** Fastify's error handler turns this into a 413 naming the route's limit (http/errors.ts). */
export function bodyTooLarge(): Error {
  return Object.assign(new Error('the request body is too large'), { statusCode: 413 });
}

/**
 * Hands a request body on piece by piece as it arrives, each `write` done before the next piece
 * is read, so the body is never whole here. A body passing `limit` is refused as soon as it does,
 * not read to its end. Resolves with its length.
 */
export function passBody(
  stream: NodeJS.ReadableStream | undefined,
  limit: number,
  write: (piece: Buffer) => Promise<void>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    if (!stream) return resolve(0);
    let received = 0;
    let settled = false;
    // The error listener stays: an upload cut off after a refusal must not become an uncaught error.
    const stop = (error: Error | null) => {
      if (settled) return;
      settled = true;
      stream.off('data', onData);
      stream.off('end', onEnd);
      if (error) reject(error);
      else resolve(received);
    };
    const onData = (piece: Buffer) => {
      received += piece.length;
      if (received > limit) return stop(bodyTooLarge());
      stream.pause();
      write(piece).then(
        () => stream.resume(),
        (error: Error) => stop(error),
      );
    };
    // 'end' comes once the last piece's write is done: the stream is paused until then.
    const onEnd = () => stop(null);
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', (error: Error) => stop(Object.assign(error, { statusCode: 400 })));
    // A client gone mid-body may end the stream with neither 'end' nor 'error'.
    stream.on('close', () =>
      stop(Object.assign(new Error(`the body ended after ${received} bytes`), { statusCode: 400 })),
    );
  });
}
