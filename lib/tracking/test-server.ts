import * as v from 'valibot';
import { CommandRefused } from '../messaging/command-refused';
import { callServer, ServerError } from './server-client';
import { serverSettingsSchema } from './server-settings';

/** Checks an address and key before the rep saves them: one authenticated read of the feed. */
export async function testServer(input: { url: string; apiKey: string }): Promise<{ ok: true }> {
  const parsed = v.safeParse(serverSettingsSchema, input);
  if (!parsed.success) throw new CommandRefused('invalid', parsed.issues[0].message);
  try {
    await callServer(parsed.output, '/v1/events?after=0&limit=1');
    return { ok: true };
  } catch (error) {
    if (error instanceof ServerError) throw new CommandRefused('failed', error.message);
    throw error;
  }
}
