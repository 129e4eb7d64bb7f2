import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { resetEventCursor } from './event-cursor';

// Where the rep's tracking and delivery server is, and the rep's API key for it. Entered by
// the rep in the options page; never shipped with the extension. Any context may read it; only
// the background writes it (the options page sends `tracking.setServer`), so a change cannot
// land in the middle of a pull that is writing the old server's cursor.

export interface ServerSettings {
  url: string;
  apiKey: string;
}

/** What is wrong with what the rep typed, one code per message the options page can show. */
export type SettingsProblem =
  | 'urlMissing'
  | 'urlInvalid'
  | 'urlNotSecure'
  | 'keyMissing'
  | 'keyTooShort'
  | 'keyTooLong';

// English, for logs and tests; the options page shows each problem's text in the rep's language.
const PROBLEM_TEXT: Record<SettingsProblem, string> = {
  urlMissing: 'Enter the server address.',
  urlInvalid: 'Enter the full server address, starting with https://, e.g. https://track.example.com',
  urlNotSecure: 'Use https (plain http only for a server on this computer).',
  keyMissing: 'Paste the API key.',
  keyTooShort: 'The API key looks too short: copy the whole key the server printed.',
  keyTooLong: 'The API key is too long: paste only the key the server printed.',
};

export const serverSettingsSchema = v.object({
  url: v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty(PROBLEM_TEXT.urlMissing),
    v.maxLength(2000, PROBLEM_TEXT.urlInvalid),
    v.url(PROBLEM_TEXT.urlInvalid),
    // `localhost:8787` parses as a URL of scheme "localhost:": ask for the scheme, not for https.
    v.check((url) => /^https?:\/\//i.test(url), PROBLEM_TEXT.urlInvalid),
    v.check(
      (url) => /^https:\/\/|^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/i.test(url),
      PROBLEM_TEXT.urlNotSecure,
    ),
    v.transform((url) => url.replace(/\/+$/, '')),
  ),
  apiKey: v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty(PROBLEM_TEXT.keyMissing),
    v.minLength(16, PROBLEM_TEXT.keyTooShort),
    v.maxLength(200, PROBLEM_TEXT.keyTooLong),
  ),
});

export type SettingsCheck =
  | { ok: true; settings: ServerSettings }
  | { ok: false; field: keyof ServerSettings; problem: SettingsProblem; message: string };

/** Checks the two fields as typed; the first problem found, with the field it belongs to. */
export function checkServerSettings(input: { url: unknown; apiKey: unknown }): SettingsCheck {
  const parsed = v.safeParse(serverSettingsSchema, input, { abortEarly: true });
  if (parsed.success) return { ok: true, settings: parsed.output };
  const issue = parsed.issues[0];
  const field = issue.path?.[0]?.key === 'apiKey' ? 'apiKey' : 'url';
  // Each message belongs to one problem; anything else (not even a string) is the field missing.
  const problem = (Object.keys(PROBLEM_TEXT) as SettingsProblem[]).find((key) => PROBLEM_TEXT[key] === issue.message);
  return {
    ok: false,
    field,
    problem: problem ?? (field === 'url' ? 'urlInvalid' : 'keyMissing'),
    message: issue.message,
  };
}

const item = storage.defineItem<ServerSettings | null>('local:trackingServer', { fallback: null });

export async function loadServerSettings(): Promise<ServerSettings | null> {
  const stored = await item.getValue();
  return stored && v.is(serverSettingsSchema, stored) ? stored : null;
}

/**
 * Saves the rep's server (null: disconnect). A server or key other than the saved one has
 * another feed: it is read from its start (after a disconnect too; each event applies once).
 */
export async function changeServerSettings(settings: ServerSettings | null): Promise<{ changed: boolean }> {
  const previous = await loadServerSettings();
  await item.setValue(settings);
  const changed = previous?.url !== settings?.url || previous?.apiKey !== settings?.apiKey;
  if (settings && changed) await resetEventCursor();
  return { changed };
}

export const watchServerSettings = (onChange: () => void) => item.watch(onChange);
