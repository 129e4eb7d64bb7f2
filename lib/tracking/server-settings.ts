import { storage } from 'wxt/utils/storage';
import * as v from 'valibot';

// Where the rep's tracking and delivery server is, and the rep's API key for it. Entered by
// the rep in the options page; never shipped with the extension.

export interface ServerSettings {
  url: string;
  apiKey: string;
}

export const serverSettingsSchema = v.object({
  url: v.pipe(
    v.string(),
    v.trim(),
    v.url('Enter the server address, e.g. https://track.example.com'),
    v.check((url) => /^https:\/\/|^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(url), 'Use https (plain http only for a server on this computer).'),
    v.transform((url) => url.replace(/\/+$/, '')),
  ),
  apiKey: v.pipe(v.string(), v.trim(), v.minLength(16, 'The API key looks too short: copy the whole key the server printed.'), v.maxLength(200)),
});

const item = storage.defineItem<ServerSettings | null>('local:trackingServer', { fallback: null });

export async function loadServerSettings(): Promise<ServerSettings | null> {
  const stored = await item.getValue();
  return stored && v.is(serverSettingsSchema, stored) ? stored : null;
}

export const saveServerSettings = (settings: ServerSettings | null) => item.setValue(settings);

export const watchServerSettings = (onChange: () => void) => item.watch(onChange);
