import type { Locator, Page } from '@playwright/test';
import type { LaunchedExtension } from '../../support/launch-extension.ts';

/** The extension's options page as a rep sees it: the tracking server form, compose tracking. */
export class OptionsPage {
  readonly url: Locator;
  readonly key: Locator;
  readonly checkAndSave: Locator;
  readonly disconnect: Locator;
  readonly undo: Locator;
  /** The line under the form: what the last check or action did. */
  readonly note: Locator;
  readonly trackByDefault: Locator;
  readonly neverTrack: Locator;
  readonly saveTracking: Locator;
  /** The line under the compose tracking card: saved, or what to fix. */
  readonly trackingNote: Locator;

  constructor(readonly page: Page) {
    this.url = page.getByLabel('Server address');
    this.key = page.getByLabel('API key');
    this.checkAndSave = page.getByRole('button', { name: 'Check and save' });
    this.disconnect = page.getByRole('button', { name: 'Disconnect' });
    this.undo = page.getByRole('button', { name: 'Undo' });
    this.note = page.getByTestId('server-note');
    this.trackByDefault = page.getByLabel('Track new emails by default');
    this.neverTrack = page.getByLabel('Never track these recipients');
    this.saveTracking = page.getByRole('button', { name: 'Save', exact: true });
    this.trackingNote = page.getByTestId('compose-tracking-note');
  }

  static async open(extension: LaunchedExtension): Promise<OptionsPage> {
    const page = await extension.context.newPage();
    await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
    return new OptionsPage(page);
  }

  /** Types an address and a key and presses Check and save (assert on `note` for the outcome). */
  async submit(url: string, key: string): Promise<void> {
    await this.url.fill(url);
    await this.key.fill(key);
    await this.checkAndSave.click();
  }

  /** What is saved in storage.local, read as the background reads it. */
  saved(): Promise<unknown> {
    return this.page.evaluate(async () => (await chrome.storage.local.get('trackingServer')).trackingServer ?? null);
  }

  /** The compose tracking settings in storage.local, as the compose toolbar reads them. */
  savedTracking(): Promise<unknown> {
    return this.page.evaluate(async () => (await chrome.storage.local.get('composeTracking')).composeTracking ?? null);
  }
}
