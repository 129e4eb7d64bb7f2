import type { ServerSettings } from './server-settings';

const TIMEOUT_MS = 15_000;

/** A failed call to the tracking server; `retryable` says whether trying later may help. */
export class ServerError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** One JSON call to the rep's server with the rep's key. Never longer than 15 s (MV3 limit is 30 s). */
export async function callServer<T>(settings: ServerSettings, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${settings.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${settings.apiKey}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new ServerError(`The tracking server could not be reached (${error instanceof Error ? error.message : String(error)}).`, undefined, true);
  }
  if (response.ok) return (await response.json()) as T;
  const detail = await response.json().then((body: { error?: { message?: string } }) => body.error?.message, () => undefined);
  const retryable = response.status >= 500 || response.status === 429;
  if (response.status === 401) throw new ServerError('The tracking server refused the API key. Check it in the options.', 401, false);
  throw new ServerError(`The tracking server answered ${response.status}${detail ? `: ${detail}` : ''}.`, response.status, retryable);
}
