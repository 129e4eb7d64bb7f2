import { describe, expect, it } from 'vitest';
import { browserFetch, jsonAnswer as json } from './fake-fetch';
import { callServer, readServerAnswer, ServerError, type ServerProblem } from './server-client';

const settings = { url: 'https://track.example.com', apiKey: 'k'.repeat(32) };
const html = (status: number, body = '<!doctype html><title>Not Found</title><h1>Not Found</h1>') =>
  new Response(body, { status, headers: { 'content-type': 'text/html' } });
const ours = (status: number, code: string, message: string) => json(status, { error: { code, message } });

async function failureOf(call: Promise<unknown>): Promise<ServerError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ServerError)) throw new Error(`expected a ServerError, got ${String(error)}`);
  return error;
}
const problemOf = (response: Response) => failureOf(readServerAnswer(response));

describe('what an answer from the server means', () => {
  it('gives back the body of a success, and nothing for an empty one', async () => {
    expect(await readServerAnswer(json(200, { events: [], next: '0', more: false }))).toEqual({
      events: [],
      next: '0',
      more: false,
    });
    expect(await readServerAnswer(new Response(null, { status: 204 }))).toBeNull();
  });

  // Real answers: ours come from server/src/http/errors.ts; the others from a web server,
  // a basic-auth page, a JSON API that is not ours and a reverse proxy.
  it.each<[string, ServerProblem, boolean, () => Response]>([
    ['an HTML page (200)', 'notOurServer', true, () => html(200, '<!doctype html><h1>Welcome to nginx!</h1>')],
    ['an HTML 404', 'notOurServer', true, () => html(404)],
    [
      'a 401 of a page with a password',
      'notOurServer',
      true,
      () => new Response('Unauthorized', { status: 401, headers: { 'www-authenticate': 'Basic' } }),
    ],
    ['a 403 of another JSON API', 'notOurServer', true, () => json(403, { message: 'Forbidden' })],
    ['our 401 for a refused key', 'keyRefused', false, () => ours(401, 'unauthorized', 'unknown or revoked API key')],
    [
      'our 404 (route or message unknown)',
      'badAnswer',
      false,
      () => ours(404, 'not_found', 'no route for GET /v1/events'),
    ],
    [
      'our 400 for a request it does not understand',
      'badAnswer',
      false,
      () => ours(400, 'invalid_request', 'querystring/limit must be <= 500'),
    ],
    ['our 500', 'serverError', true, () => ours(500, 'internal', 'the server could not complete the request')],
    ['our 503 while closing', 'serverError', true, () => ours(503, 'unavailable', 'closing')],
    ['a rate limit', 'serverError', true, () => ours(429, 'rate_limited', 'slow down')],
    ['a proxy’s 502 page', 'serverError', true, () => html(502, '<html><body><h1>502 Bad Gateway</h1></body></html>')],
  ])('%s is %s', async (_name, code, retryable, answer) => {
    const error = await problemOf(answer());
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.detail).toMatch(/^HTTP \d{3}/);
  });

  it('keeps the server’s own words for the log', async () => {
    const error = await problemOf(ours(401, 'unauthorized', 'unknown or revoked API key'));
    expect(error.message).toBe('The tracking server refused the API key (unknown or revoked API key).');
    expect(error.detail).toContain('unauthorized: unknown or revoked API key');
    expect(error.status).toBe(401);
  });
});

describe('calling the server', () => {
  it('says “could not be reached” when nothing answers, having tried a plain request', async () => {
    const fetch = browserFetch(() => undefined);
    const error = await failureOf(callServer(settings, '/v1/events', {}, fetch));
    expect(error).toMatchObject({ code: 'unreachable', retryable: true });
    expect(error.message).toMatch(/could not be reached/);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('tells a server that answers without CORS (a web page, a wrong path) from one that is down', async () => {
    const fetch = browserFetch(() => 'noCors');
    const error = await failureOf(callServer(settings, '/v1/events', {}, fetch));
    expect(error.code).toBe('notOurServer');
    // The probe asks the address itself, plainly, without the rep's key.
    const [url, init] = fetch.mock.calls[1] as [string, RequestInit];
    expect(url).toBe('https://track.example.com');
    expect(init).toMatchObject({ mode: 'no-cors', credentials: 'omit' });
    expect(init.headers).toBeUndefined();
  });

  it('does not probe after a timeout: nothing answered in time', async () => {
    const fetch = browserFetch(() => new DOMException('signal timed out', 'TimeoutError'));
    const error = await failureOf(callServer(settings, '/v1/events', {}, fetch));
    expect(error).toMatchObject({ code: 'unreachable' });
    expect(error.message).toMatch(/no answer within 15 s/);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('sends the key and reads a success', async () => {
    const fetch = browserFetch(() => json(200, { ok: 1 }));
    expect(await callServer(settings, '/v1/events?after=0', {}, fetch)).toEqual({ ok: 1 });
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('https://track.example.com/v1/events?after=0');
    expect(init.headers).toMatchObject({ authorization: `Bearer ${settings.apiKey}` });
  });
});
