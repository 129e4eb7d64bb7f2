import type { BodyValidator } from '../http/body-validator.ts';
import type { SendInput } from './schedule-send.ts';

/** A POST /v1/send body read: the send, or the answer refusing it. */
export type SendReading =
  | { ok: true; input: SendInput }
  | { ok: false; status: 400 | 413; code: 'bad_request' | 'invalid_request' | 'body_too_large'; message: string };

const decoder = new TextDecoder();

const bytesOf = (body: unknown, part: 'html' | 'text') => {
  const value = (body as Record<string, unknown> | null)?.[part];
  return typeof value === 'string' ? Buffer.byteLength(value) : 0;
};

/**
 * Parses a send's raw JSON body, checks the size of its mail (html and text together, in bytes)
 * and then the schema. The size comes first, so a mail too large is always a 413, whatever else is
 * wrong with it; a body that is not JSON is a 400 `bad_request`, as fastify answers one.
 */
export function readSend(raw: Uint8Array, validate: BodyValidator, maxSendBytes: number): SendReading {
  let body: unknown = null;
  if (raw.length > 0) {
    try {
      body = JSON.parse(decoder.decode(raw));
    } catch (error) {
      return {
        ok: false,
        status: 400,
        code: 'bad_request',
        message: `the body is not JSON: ${(error as Error).message}`,
      };
    }
  }
  const mailBytes = bytesOf(body, 'html') + bytesOf(body, 'text');
  if (mailBytes > maxSendBytes)
    return {
      ok: false,
      status: 413,
      code: 'body_too_large',
      message: `the mail (html and text) is ${mailBytes} bytes: the limit for this route is ${maxSendBytes} bytes of mail (MAX_SEND_BYTES)`,
    };
  const problem = validate(body);
  if (problem) return { ok: false, status: 400, code: 'invalid_request', message: problem };
  return { ok: true, input: body as SendInput };
}
