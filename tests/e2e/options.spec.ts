import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { launchWithExtension } from '../support/launch-extension.ts';
import { type RunningServer, startTrackingServer } from '../support/tracking-server.ts';
import { expect, test } from './fixtures.ts';
import { OptionsPage } from './pages/options.ts';

let server: RunningServer;
let otherSite: Server;
let otherSiteUrl: string;

/** A port on which nothing listens (taken, then given back). */
const closedPortUrl = () =>
  new Promise<string>((done) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 9}`));
    });
  });

test.beforeEach(async () => {
  server = await startTrackingServer();
  // "A web server that is not ours": a home page, and an HTML 404 for everything else.
  otherSite = createServer((request, response) => {
    const home = request.url === '/';
    response.writeHead(home ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(home ? '<!doctype html><h1>Welcome to nginx!</h1>' : '<!doctype html><h1>404 Not Found</h1>');
  });
  await new Promise<void>((done) => otherSite.listen(0, '127.0.0.1', done));
  const address = otherSite.address();
  otherSiteUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
test.afterEach(async () => {
  await server.stop();
  await new Promise((done) => otherSite.close(done));
});

test('each wrong address or key gets its own message saying what to fix, and nothing is saved', async ({
  extension,
}) => {
  const options = await OptionsPage.open(extension);
  const wrongKey = `icc_${'0'.repeat(32)}`;
  const cases: [string, string, string, RegExp][] = [
    [
      'a stopped server',
      await closedPortUrl(),
      server.apiKey,
      /^Nothing answers at this address\. Check that the server is running/,
    ],
    [
      'our server under a path',
      `${server.url}/api`,
      server.apiKey,
      new RegExp(`^The Inbox Command Center server answers at ${server.url}, not under this path\\.`),
    ],
    [
      'another web server',
      otherSiteUrl,
      server.apiKey,
      /^Something answers at this address, but it is not an Inbox Command Center server\./,
    ],
    [
      'another web server, under a path',
      `${otherSiteUrl}/command-center`,
      server.apiKey,
      /^Something answers at this address, but it is not an Inbox Command Center server\./,
    ],
    ['a key the server refuses', server.url, wrongKey, /^The server does not accept this API key/],
    ['no scheme', 'track.example.com', server.apiKey, /^Enter the full server address, starting with https:\/\//],
    [
      'plain http to another computer',
      'http://track.example.com',
      server.apiKey,
      /^Use an https address\. Plain http is allowed only for a server on this computer/,
    ],
    ['half a key', server.url, server.apiKey.slice(0, 8), /^This API key is too short\./],
  ];
  const seen = new Set<string>();
  for (const [name, url, key, message] of cases) {
    await options.submit(url, key);
    await expect(options.note, name).toHaveText(message);
    await expect(options.note, name).toHaveAttribute('role', 'alert');
    seen.add(await options.note.innerText());
    // Nothing was saved, so there is nothing to disconnect.
    await expect(options.disconnect, name).toHaveCount(0);
    expect(await options.saved(), name).toBeNull();
  }
  // The two "another web server" cases say the same; every other case says something different.
  expect(seen.size).toBe(cases.length - 1);
  // The field at fault is marked for assistive technology.
  await expect(options.key).toHaveAttribute('aria-invalid', 'true');
  await expect(options.url).toHaveAttribute('aria-invalid', 'false');
});

test('a good server is saved; Disconnect appears only then, asks nothing and can be undone', async ({ extension }) => {
  const options = await OptionsPage.open(extension);
  await options.url.fill(server.url);
  await options.key.fill(server.apiKey);
  await expect(options.disconnect).toHaveCount(0);

  await options.checkAndSave.click();
  await expect(options.note).toHaveText('Connected. Engagement now syncs from this server.');
  await expect(options.disconnect).toBeVisible();
  expect(await options.saved()).toEqual({ url: server.url, apiKey: server.apiKey });

  // Saved settings come back with the page.
  await options.page.reload();
  await expect(options.url).toHaveValue(server.url);
  await expect(options.disconnect).toBeVisible();

  // One click disconnects; the typed values stay, so nothing is lost by a slip.
  await options.disconnect.click();
  await expect(options.note).toContainText('Disconnected. Nothing is sent to a server any more.');
  await expect(options.disconnect).toHaveCount(0);
  expect(await options.saved()).toBeNull();
  await expect(options.url).toHaveValue(server.url);
  await expect(options.key).toHaveValue(server.apiKey);

  await options.undo.click();
  await expect(options.note).toHaveText('Connected. Engagement now syncs from this server.');
  expect(await options.saved()).toEqual({ url: server.url, apiKey: server.apiKey });
  await expect(options.disconnect).toBeVisible();

  // Or, after a disconnect, Check and save with the kept values connects again.
  await options.disconnect.click();
  await options.checkAndSave.click();
  await expect(options.note).toHaveText('Connected. Engagement now syncs from this server.');
  expect(await options.saved()).toEqual({ url: server.url, apiKey: server.apiKey });
});

test('the never-track list is saved only once every entry is right, and comes back with the page', async ({
  extension,
}) => {
  const options = await OptionsPage.open(extension);
  // Nothing saved yet: new emails are tracked, nobody is listed.
  await expect(options.trackByDefault).toBeChecked();
  await expect(options.neverTrack).toHaveValue('');

  // By keyboard, as a rep without a mouse would.
  await options.trackByDefault.focus();
  await options.page.keyboard.press('Space');
  await expect(options.trackByDefault).not.toBeChecked();
  await options.neverTrack.fill('Example.com\n@acme.io, CEO@Customer.com\nAcme Corp\nexample.com');
  await options.saveTracking.focus();
  await options.page.keyboard.press('Enter');
  await expect(options.trackingNote).toHaveText(
    'Not saved: 2 entries are neither a domain nor an email address: “Acme” and “Corp”. Correct or remove them, then save again.',
  );
  await expect(options.trackingNote).toHaveAttribute('role', 'alert');
  await expect(options.neverTrack).toHaveAttribute('aria-invalid', 'true');
  expect(await options.savedTracking()).toBeNull();

  await options.neverTrack.fill('Example.com\n@acme.io, CEO@Customer.com\nexample.com');
  await options.saveTracking.click();
  await expect(options.trackingNote).toHaveText('Saved. 3 entries on the never-track list.');
  await expect(options.neverTrack).toHaveAttribute('aria-invalid', 'false');
  // Kept as the toolbar matches them: lower case, `@` dropped, once each, one a line.
  await expect(options.neverTrack).toHaveValue('example.com\nacme.io\nceo@customer.com');
  expect(await options.savedTracking()).toEqual({
    trackByDefault: false,
    neverTrack: ['example.com', 'acme.io', 'ceo@customer.com'],
  });

  await options.page.reload();
  await expect(options.neverTrack).toHaveValue('example.com\nacme.io\nceo@customer.com');
  await expect(options.trackByDefault).not.toBeChecked();
  // The server card is untouched by it.
  expect(await options.saved()).toBeNull();
});

test('the compose tracking card follows a change made elsewhere, unless the rep is typing', async ({
  extension,
  command,
}) => {
  const options = await OptionsPage.open(extension);
  await expect(options.trackByDefault).toBeChecked();
  expect(
    (await command('settings.setTrackingPrefs', { prefs: { trackByDefault: false, neverTrack: ['acme.io'] } })).ok,
  ).toBe(true);
  await expect(options.neverTrack).toHaveValue('acme.io');
  await expect(options.trackByDefault).not.toBeChecked();

  await options.neverTrack.fill('acme.io\nexample.com');
  expect((await command('settings.setTrackingPrefs', { prefs: { trackByDefault: true, neverTrack: [] } })).ok).toBe(
    true,
  );
  await expect.poll(() => options.savedTracking()).toEqual({ trackByDefault: true, neverTrack: [] });
  await expect(options.neverTrack).toHaveValue('acme.io\nexample.com');
});

test('the background refuses a never-track list the options page would not send', async ({ rawCommand }) => {
  const answer = await rawCommand('settings.setTrackingPrefs', {
    prefs: { trackByDefault: true, neverTrack: ['Not A Domain'] },
  });
  expect(answer).toMatchObject({ ok: false, error: { code: 'invalid' } });
});

test('the options page reads at a deliberate size, not Chromium’s 75 % of it', async ({ extension }) => {
  const options = await OptionsPage.open(extension);
  await expect(options.checkAndSave).toBeVisible();
  const size = (selector: string) =>
    options.page
      .locator(selector)
      .first()
      .evaluate((element) => getComputedStyle(element).fontSize);
  expect(await size('body')).toBe('13px');
  expect(await size('p.muted')).toBe('13px'); // the body text under the heading
  expect(await size('h1')).toBe('20px');
  expect(await size('h2')).toBe('15px');
  expect(await size('input[type="url"]')).toBe('13px');
  expect(await size('button[type="submit"]')).toBe('13px');
});

test('the sidebar’s tooltip says why the last pull failed', async ({ command, openSidebar }) => {
  // Saved earlier, then the key was revoked on the server.
  expect(
    (await command('tracking.setServer', { server: { url: server.url, apiKey: `icc_${'0'.repeat(32)}` } })).ok,
  ).toBe(true);
  expect((await command('tracking.sync', {})).ok).toBe(false);
  const sidebar = await openSidebar();
  const mark = sidebar.frame.getByTestId('sync-health');
  await expect(mark).toHaveText('Tracking server unreachable');
  await expect(mark).toHaveAttribute(
    'title',
    /^The tracking server no longer accepts the API key\. Enter a valid key in the extension’s options\. \(/,
  );
});

test('the messages are in the rep’s language', async () => {
  const expected: [string, RegExp, RegExp, RegExp][] = [
    [
      'de',
      /^Unter dieser Adresse antwortet nichts\./,
      /^Der Server akzeptiert diesen API-Schlüssel nicht/,
      /^Nicht gespeichert: „Acme“ ist weder eine Domain noch eine E-Mail-Adresse\./,
    ],
    [
      'zh-CN',
      /^此地址没有任何响应。/,
      /^服务器不接受此 API 密钥/,
      /^未保存：1 项既不是域名也不是电子邮件地址：“Acme”。/,
    ],
  ];
  for (const [lang, unreachable, keyRefused, notAnEntry] of expected) {
    const extension = await launchWithExtension({ locale: lang });
    try {
      const options = await OptionsPage.open(extension);
      // Labels are looked up by their English names elsewhere; here by their role in each form.
      const serverForm = options.page.getByTestId('server-form');
      const url = serverForm.locator('input[type="url"]');
      const key = serverForm.locator('input[type="password"]');
      const save = serverForm.locator('button[type="submit"]');
      await url.fill(await closedPortUrl());
      await key.fill(server.apiKey);
      await save.click();
      await expect(options.note, lang).toHaveText(unreachable);
      await url.fill(server.url);
      await key.fill(`icc_${'0'.repeat(32)}`);
      await save.click();
      await expect(options.note, lang).toHaveText(keyRefused);

      const trackingForm = options.page.getByTestId('compose-tracking-form');
      await trackingForm.locator('textarea').fill('Acme');
      await trackingForm.locator('button[type="submit"]').click();
      await expect(options.trackingNote, lang).toHaveText(notAnEntry);
    } finally {
      await extension.close();
    }
  }
});
