import * as v from 'valibot';
import { callServer, ServerError } from './server-client';
import type { ServerSettings } from './server-settings';

// `POST /v1/messages` (server/README.md): the server mints the pixel and one click URL per link.

export interface MessageToRegister {
  /** Made by the client, so a retry is the same registration (the server answers it again). */
  messageId: string;
  sentAt: number;
  recipients: readonly string[];
  /** The trackable hrefs in body order (lib/compose/tracked-links.ts). */
  links: readonly string[];
}

const answerSchema = v.object({
  messageId: v.string(),
  pixelUrl: v.pipe(v.string(), v.url()),
  clickUrls: v.array(v.nullable(v.pipe(v.string(), v.url()))),
  tracking: v.boolean(),
});

export type Registration = v.InferOutput<typeof answerSchema>;

/**
 * Registers one message; the answer is checked, since the server is outside our trust
 * boundary: a click URL for another number of links would send readers to the wrong pages.
 */
export async function registerMessage(
  settings: ServerSettings,
  message: MessageToRegister,
  timeoutMs: number,
): Promise<Registration> {
  const answer = await callServer<unknown>(settings, '/v1/messages', {
    method: 'POST',
    body: {
      messageId: message.messageId,
      sentAt: new Date(message.sentAt).toISOString(),
      recipients: message.recipients,
      links: message.links,
    },
    timeoutMs,
  });
  const parsed = v.safeParse(answerSchema, answer);
  if (!parsed.success || parsed.output.clickUrls.length !== message.links.length) {
    throw new ServerError(
      'badAnswer',
      'The tracking server answered the registration in a shape this extension does not know.',
      201,
      false,
      parsed.success
        ? `${parsed.output.clickUrls.length} click URLs for ${message.links.length} links`
        : 'invalid JSON',
    );
  }
  return parsed.output;
}
