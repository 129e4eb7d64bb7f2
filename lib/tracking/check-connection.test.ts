import { describe, expect, it } from 'vitest';
import { checkConnection } from './check-connection';
import { browserFetch, type FakeAnswer, jsonAnswer } from './fake-fetch';

const KEY = 'icc_3f9a1c2b7d4e5f60718293a4b5c6d7e8';
const FEED = { events: [], next: '0', more: false };

/** Our server on one origin, as the browser sees it: CORS on /v1 only, 401 for any other key. */
const ourServer =
  (origin: string) =>
  (url: URL): FakeAnswer => {
    if (url.origin !== origin) return undefined;
    if (!url.pathname.startsWith('/v1/')) return 'noCors'; // the 404 (and its preflight) carry no CORS headers
    return jsonAnswer(200, FEED);
  };

describe('Check and save', () => {
  it('passes for our server with a good key', async () => {
    expect(
      await checkConnection(
        { url: 'http://127.0.0.1:8787/', apiKey: KEY },
        browserFetch(ourServer('http://127.0.0.1:8787')),
      ),
    ).toEqual({ ok: true });
  });

  it('points to the server’s own address when a path was added to it', async () => {
    const check = await checkConnection(
      { url: 'http://127.0.0.1:8787/api', apiKey: KEY },
      browserFetch(ourServer('http://127.0.0.1:8787')),
    );
    expect(check).toMatchObject({
      ok: false,
      problem: 'notOurServer',
      field: 'url',
      suggestedUrl: 'http://127.0.0.1:8787',
    });
  });

  it('also points there when the key is wrong as well (the next check will say so)', async () => {
    const fetch = browserFetch((url) =>
      url.pathname.startsWith('/v1/')
        ? jsonAnswer(401, { error: { code: 'unauthorized', message: 'unknown or revoked API key' } })
        : 'noCors',
    );
    expect(await checkConnection({ url: 'https://track.example.com/icc', apiKey: KEY }, fetch)).toMatchObject({
      problem: 'notOurServer',
      suggestedUrl: 'https://track.example.com',
    });
  });

  it('suggests nothing when the origin is not ours either', async () => {
    const fetch = browserFetch(() => 'noCors');
    const check = await checkConnection({ url: 'https://www.example.com/icc', apiKey: KEY }, fetch);
    expect(check).toMatchObject({ ok: false, problem: 'notOurServer' });
    expect(check).not.toHaveProperty('suggestedUrl');
  });

  it('says the server is not reachable when nothing listens, without trying other addresses', async () => {
    const fetch = browserFetch(() => undefined);
    expect(await checkConnection({ url: 'http://127.0.0.1:9/icc', apiKey: KEY }, fetch)).toMatchObject({
      problem: 'unreachable',
      field: 'url',
    });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://127.0.0.1:9/icc/v1/events?after=0&limit=1',
      'http://127.0.0.1:9/icc',
    ]);
  });

  it('blames the key field for a refused key', async () => {
    const fetch = browserFetch(() =>
      jsonAnswer(401, { error: { code: 'unauthorized', message: 'unknown or revoked API key' } }),
    );
    expect(await checkConnection({ url: 'https://track.example.com', apiKey: KEY }, fetch)).toMatchObject({
      problem: 'keyRefused',
      field: 'apiKey',
    });
  });

  it('calls a JSON answer that is not a feed page a bad answer', async () => {
    const fetch = browserFetch(() => jsonAnswer(200, { items: [] }));
    expect(await checkConnection({ url: 'https://track.example.com', apiKey: KEY }, fetch)).toMatchObject({
      problem: 'badAnswer',
      field: 'url',
    });
  });

  it('refuses what the form should have refused, without calling anyone', async () => {
    const fetch = browserFetch(() => jsonAnswer(200, FEED));
    expect(await checkConnection({ url: 'http://track.example.com', apiKey: KEY }, fetch)).toMatchObject({
      problem: 'urlNotSecure',
      field: 'url',
    });
    expect(fetch).not.toHaveBeenCalled();
  });
});
