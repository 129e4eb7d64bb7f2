import type { ServerSettings } from './server-settings';

const TIMEOUT_MS = 15_000;
const PROBE_TIMEOUT_MS = 5_000;

/**
 * What went wrong talking to the tracking server, in terms a rep can act on:
 * - `unreachable`: nothing answers at the address (refused, DNS, timeout, bad certificate);
 * - `notOurServer`: something answers, but not as our server does (a web page, a 404, no CORS);
 * - `keyRefused`: our server, and it refuses the API key (401);
 * - `serverError`: the server (or a proxy in front of it) failed: 5xx or 429, worth retrying;
 * - `badAnswer`: it answers like our server but not as this extension expects (another version?).
 */
export type ServerProblem = 'unreachable' | 'notOurServer' | 'keyRefused' | 'serverError' | 'badAnswer';

/** A failed call to the tracking server; `retryable` says whether trying later may help. */
export class ServerError extends Error {
  constructor(
    readonly code: ServerProblem,
    message: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
    /** The technical reason (HTTP status, fetch error, server's own message), for a tooltip or a log. */
    readonly detail: string,
  ) {
    super(message);
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Our server's error body on every route: `{ error: { code, message } }` (server/src/http/errors.ts). */
function ourErrorEnvelope(body: unknown): { code: string; message: string } | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : undefined;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Reads one answer: the JSON body of a success, else a ServerError saying what the answer means.
 * Only our server wraps its errors in our envelope, so a 404 or 401 without it is someone else.
 */
export async function readServerAnswer(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  const body = parseJson(text);
  const status = response.status;
  const kind = `HTTP ${status}${response.headers.get('content-type') ? `, ${response.headers.get('content-type')}` : ''}`;
  if (response.ok) {
    if (status === 204 || text === '') return null;
    if (body !== undefined) return body;
    throw new ServerError(
      'notOurServer',
      `The address answers, but not as an Inbox Command Center server (${kind}, not JSON).`,
      status,
      true,
      kind,
    );
  }
  const envelope = ourErrorEnvelope(body);
  const detail = envelope ? `${kind}: ${envelope.code}: ${envelope.message}` : kind;
  if (status >= 500 || status === 429) {
    // A proxy in front of a stopped server answers 502/503/504 in its own words: still retryable.
    throw new ServerError(
      'serverError',
      `The tracking server answered ${status}${envelope ? `: ${envelope.message}` : ''}.`,
      status,
      true,
      detail,
    );
  }
  if (!envelope)
    throw new ServerError(
      'notOurServer',
      `The address answers, but not as an Inbox Command Center server (${kind}).`,
      status,
      true,
      detail,
    );
  if (status === 401)
    throw new ServerError(
      'keyRefused',
      `The tracking server refused the API key (${envelope.message}).`,
      401,
      false,
      detail,
    );
  throw new ServerError(
    'badAnswer',
    `The tracking server answered ${status}: ${envelope.message}.`,
    status,
    false,
    detail,
  );
}

/**
 * Why a fetch got no response at all. Our server answers CORS for extension origins, so a
 * server that answers without it looks, to fetch, exactly like one that is down. A `no-cors`
 * request tells them apart: it gets an (opaque) answer from any web server, and fails only
 * when nothing answers.
 */
export async function explainNoAnswer(
  url: string,
  error: unknown,
  fetchImpl: Fetch,
  probeTimeoutMs = PROBE_TIMEOUT_MS,
): Promise<ServerError> {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new ServerError(
      'unreachable',
      `The tracking server could not be reached (no answer within ${TIMEOUT_MS / 1000} s).`,
      undefined,
      true,
      reason,
    );
  }
  const answers = await fetchImpl(url, {
    mode: 'no-cors',
    credentials: 'omit',
    signal: AbortSignal.timeout(probeTimeoutMs),
  }).then(
    () => true,
    () => false,
  );
  if (answers) {
    return new ServerError(
      'notOurServer',
      `The address answers, but not as an Inbox Command Center server (it refused the extension's request: ${reason}).`,
      undefined,
      true,
      `${reason}; a plain request gets an answer`,
    );
  }
  return new ServerError(
    'unreachable',
    `The tracking server could not be reached (${reason}).`,
    undefined,
    true,
    reason,
  );
}

/**
 * One JSON call to the rep's server with the rep's key. Never longer than 15 s (MV3 limit is 30 s);
 * a caller the rep is waiting on (a Send) gives a shorter `timeoutMs`.
 */
export async function callServer<T>(
  settings: ServerSettings,
  path: string,
  init: { method?: string; body?: unknown; timeoutMs?: number } = {},
  fetchImpl: Fetch = fetch,
): Promise<T> {
  const timeoutMs = init.timeoutMs ?? TIMEOUT_MS;
  const startedAt = Date.now();
  let response: Response;
  try {
    response = await fetchImpl(`${settings.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${settings.apiKey}`,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError' && timeoutMs !== TIMEOUT_MS) {
      throw new ServerError(
        'unreachable',
        `The tracking server did not answer within ${timeoutMs / 1000} s.`,
        undefined,
        true,
        `${error.name}: ${error.message}`,
      );
    }
    // The probe that explains the failure fits in what is left of a caller's short budget.
    const left = Math.max(1, timeoutMs - (Date.now() - startedAt));
    throw await explainNoAnswer(settings.url, error, fetchImpl, Math.min(PROBE_TIMEOUT_MS, left));
  }
  return (await readServerAnswer(response)) as T;
}
