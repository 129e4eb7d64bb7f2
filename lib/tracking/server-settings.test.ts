import { describe, expect, it } from 'vitest';
import { checkServerSettings, type SettingsProblem } from './server-settings';

const KEY = 'icc_3f9a1c2b7d4e5f60718293a4b5c6d7e8';

describe('what the rep typed in the server form', () => {
  it.each<[string, unknown, unknown, SettingsProblem, 'url' | 'apiKey']>([
    ['an empty address', '', KEY, 'urlMissing', 'url'],
    ['only spaces', '   ', KEY, 'urlMissing', 'url'],
    ['a host without scheme', 'track.example.com', KEY, 'urlInvalid', 'url'],
    ['host:port without scheme (parses as a URL of scheme "localhost:")', 'localhost:8787', KEY, 'urlInvalid', 'url'],
    ['another scheme', 'ftp://track.example.com', KEY, 'urlInvalid', 'url'],
    ['not a string', 42, KEY, 'urlInvalid', 'url'],
    ['plain http to another computer', 'http://track.example.com', KEY, 'urlNotSecure', 'url'],
    ['plain http to a look-alike of localhost', 'http://localhost.example.com', KEY, 'urlNotSecure', 'url'],
    ['no key', 'https://track.example.com', '', 'keyMissing', 'apiKey'],
    ['half a key', 'https://track.example.com', 'icc_3f9a1c2b', 'keyTooShort', 'apiKey'],
    ['a key with the line after it', 'https://track.example.com', `${KEY}${'x'.repeat(200)}`, 'keyTooLong', 'apiKey'],
  ])('%s: %s', (_name, url, apiKey, problem, field) => {
    const checked = checkServerSettings({ url, apiKey });
    expect(checked).toMatchObject({ ok: false, problem, field });
  });

  it('names the address first when both fields are wrong', () => {
    expect(checkServerSettings({ url: 'nope', apiKey: '' })).toMatchObject({ problem: 'urlInvalid' });
  });

  it.each([
    ['https://track.example.com/', 'https://track.example.com'],
    ['  https://track.example.com/icc//  ', 'https://track.example.com/icc'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:8787/', 'http://localhost:8787'],
    ['HTTP://LOCALHOST:8787', 'HTTP://LOCALHOST:8787'],
  ])('accepts %s as %s', (url, saved) => {
    expect(checkServerSettings({ url, apiKey: ` ${KEY} ` })).toEqual({ ok: true, settings: { url: saved, apiKey: KEY } });
  });
});
