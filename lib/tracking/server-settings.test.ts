import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { eventCursor } from './event-cursor';
import { changeServerSettings, checkServerSettings, loadServerSettings, type SettingsProblem } from './server-settings';

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
    expect(checkServerSettings({ url, apiKey: ` ${KEY} ` })).toEqual({
      ok: true,
      settings: { url: saved, apiKey: KEY },
    });
  });
});

describe('changing the saved server (the background does it when the options page asks)', () => {
  const first = { url: 'https://track.example.com', apiKey: KEY };
  beforeEach(() => fakeBrowser.reset());

  it('reads another server’s feed from its start, and carries on when the same one is saved again', async () => {
    expect(await changeServerSettings(first)).toEqual({ changed: true });
    await eventCursor.setValue('120');
    expect(await changeServerSettings(first)).toEqual({ changed: false });
    expect(await eventCursor.getValue()).toBe('120');

    expect(await changeServerSettings({ ...first, url: 'https://other.example.com' })).toEqual({ changed: true });
    expect(await eventCursor.getValue()).toBe('0');
    expect(await loadServerSettings()).toEqual({ ...first, url: 'https://other.example.com' });
  });

  it('forgets the server on disconnect; reconnecting reads its feed from the start', async () => {
    await changeServerSettings(first);
    await eventCursor.setValue('120');
    expect(await changeServerSettings(null)).toEqual({ changed: true });
    expect(await loadServerSettings()).toBeNull();
    expect(await eventCursor.getValue()).toBe('120');
    await changeServerSettings(first);
    expect(await eventCursor.getValue()).toBe('0');
  });
});
