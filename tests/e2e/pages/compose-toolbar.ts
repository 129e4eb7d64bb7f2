import type { Page } from '@playwright/test';
import { TOOLBAR_TAG } from '../../../lib/content/element-names.ts';
import { ClosedShadow } from '../../support/closed-shadow.ts';

/** Our toolbar in one compose (lib/content/compose-toolbar.ts), as a rep uses it. */
export class ComposeToolbar {
  readonly shadow: ClosedShadow;

  constructor(
    readonly page: Page,
    /** Which toolbar on the page, in document order (one per open compose). */
    readonly index = 0,
  ) {
    this.shadow = new ClosedShadow(page, TOOLBAR_TAG, index);
  }

  readonly host = () => this.page.locator(TOOLBAR_TAG).nth(this.index);

  status(): Promise<string> {
    return this.shadow.text('.status');
  }

  trackPressed(): Promise<boolean> {
    return this.shadow.call<boolean>('.track', 'function () { return this.getAttribute("aria-pressed") === "true"; }');
  }

  trackDisabled(): Promise<boolean> {
    return this.shadow.call<boolean>('.track', 'function () { return this.disabled; }');
  }

  toggleTracking(): Promise<void> {
    return this.shadow.click('.track');
  }

  /** Types a campaign name as a rep would (click into the picker, then the keyboard). */
  async typeCampaign(name: string): Promise<void> {
    await this.shadow.click('.campaign');
    await this.page.keyboard.type(name);
  }
}
