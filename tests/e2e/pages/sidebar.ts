import { type ElementHandle, expect, type Frame, type Locator, type Page } from '@playwright/test';
import {
  EMAIL_STATUSES,
  type EmailStatus,
  FOLDERS_BY_TAB,
  type FolderCounts,
  PRIMARY_TABS,
  type PrimaryTab,
  tabOfStatus,
} from '../../../lib/emails/status.ts';
import { isSidebarFrame } from '../../support/sidebar-frame.ts';

/** The Command Center as a rep sees it inside a webmail tab. */
export class SidebarPage {
  readonly dock: Locator;
  readonly launcher: Locator;
  /** Errors the webmail page threw since this object was made (our code must never cause one). */
  readonly pageErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    this.dock = page.locator('icc-dock');
    this.launcher = page.locator('icc-launcher button');
  }

  /**
   * The sidebar's frame as it is now. The dock's shadow root is closed, so no selector reaches
   * the iframe: the frame is found by its address instead (call waitUntilVisible first).
   */
  get frame(): Frame {
    const frame = this.page.frames().find(isSidebarFrame);
    if (!frame) throw new Error('The sidebar frame is not in the page.');
    return frame;
  }

  async waitUntilVisible(): Promise<void> {
    await expect(this.dock).toBeVisible();
    await expect.poll(() => this.page.frames().some(isSidebarFrame), { message: 'the sidebar frame loads' }).toBe(true);
    await expect(this.frame.getByTestId('sidebar')).toBeVisible();
  }

  /** An element of the dock's own chrome (the resize edge, the layout mark) inside its closed shadow root. */
  async dockPart(selector: string): Promise<ElementHandle<HTMLElement>> {
    const iframe = await this.frame.frameElement();
    const part = await iframe.evaluateHandle(
      (element, selector) => (element.getRootNode() as ShadowRoot).querySelector<HTMLElement>(selector),
      selector,
    );
    const handle = part.asElement();
    if (!handle) throw new Error(`No ${selector} in the dock.`);
    return handle as ElementHandle<HTMLElement>;
  }

  folderCount(status: EmailStatus): Locator {
    return this.frame.getByTestId(`folder-count-${status}`);
  }

  /** Reads all eight counts by walking the three primary tabs, as a rep would. */
  async readAllCounts(): Promise<FolderCounts> {
    const counts = {} as FolderCounts;
    for (const tab of PRIMARY_TABS) {
      await this.openTab(tab);
      for (const status of FOLDERS_BY_TAB[tab]) {
        await expect(this.folderCount(status)).not.toHaveText('·');
        counts[status] = Number((await this.folderCount(status).innerText()).replace(/\D/g, ''));
      }
    }
    expect(Object.keys(counts).sort()).toEqual([...EMAIL_STATUSES].sort());
    return counts;
  }

  async openTab(tab: PrimaryTab): Promise<void> {
    await this.frame.getByTestId('primary-tabs').locator(`[data-key="${tab}"]`).click();
  }

  async openFolder(status: EmailStatus): Promise<void> {
    await this.openTab(tabOfStatus(status));
    await this.frame.getByTestId('folder-tabs').locator(`[data-key="${status}"]`).click();
  }

  rows(): Locator {
    return this.frame.getByTestId('email-row');
  }

  row(id: string): Locator {
    return this.frame.locator(`[data-testid="email-row"][data-id="${id}"]`);
  }

  /** Runs a row's quick action the way a rep does: hover the row, click the action. */
  async rowAction(id: string, action: string): Promise<void> {
    await this.row(id).hover();
    await this.row(id).locator(`[data-action="${action}"]`).click();
  }

  async openSection(section: 'emails' | 'tasks' | 'lists'): Promise<void> {
    await this.frame.getByTestId('sections').locator(`[data-key="${section}"]`).click();
  }

  /** The Lists section's search builder, empty or as the rep left it. */
  async openSearch(): Promise<void> {
    await this.openSection('lists');
    await this.frame.getByTestId('lists-tabs').locator('[data-key="search"]').click();
    await expect(this.frame.getByTestId('search-builder')).toBeVisible();
  }

  /** Ticks one choice of a sentence menu (folders, campaigns) and closes it, as a rep does. */
  async chooseInMenu(menu: 'search-folders' | 'search-campaigns', label: string): Promise<void> {
    const details = this.frame.getByTestId(menu);
    await details.locator('summary').click();
    await details.getByRole('checkbox', { name: label, exact: true }).check();
    await details.locator('summary').press('Escape');
  }

  listItem(name: string): Locator {
    return this.frame
      .getByTestId('list-item')
      .filter({ has: this.frame.getByTestId('list-name').getByText(name, { exact: true }) });
  }

  async close(): Promise<void> {
    await this.frame.getByTestId('close-sidebar').click();
  }
}
