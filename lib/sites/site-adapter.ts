import type { ComposeView } from './compose-view';
import type { LayoutHealth } from './health';

// What the shared content-script code needs from a webmail: the driver of all its DOM code.
// Only the two content entry points import a concrete adapter; everything else sees this interface.

export type SiteId = 'gmail' | 'outlook';

export type { LayoutHealth };

export interface DockPlacement {
  /** The sidebar is inserted right after this element, inside its flex row. */
  anchor: Element;
  /** The webmail column our sidebar takes its width from; it must stay readable (dock-prefs MIN_MAIL_COLUMN). */
  mailColumn: Element;
  /** CSS that lets the webmail's main column shrink instead of overflowing (scoped by the dock). */
  pageCss: string;
}

export interface SiteAdapter {
  site: SiteId;
  /** Finds where to dock, or says which anchors are missing (the webmail's markup changed). */
  findDock(
    doc?: Document,
  ): { placement: DockPlacement; health: LayoutHealth } | { placement: null; health: LayoutHealth };
  /**
   * Calls `handler` once for every compose on the page now and once for each one opened later
   * (new message, pop-out, full-screen, inline reply). A compose that leaves the page aborts its
   * view's `closed`. Aborting `signal` stops watching and closes every view.
   */
  /**
   * Clicks the webmail's own New message control, so the compose that opens is the webmail's
   * (its drafts, signature, From). Returns false when the control is not on the page.
   */
  openCompose(doc?: Document): boolean;
  /**
   * Images inside the messages the rep is reading, where our pixel may hide behind the
   * webmail's image proxy (own-pixel.ts); null when the webmail loads images directly, so the
   * block rule (self-view-block.ts) already keeps the rep's opens out.
   */
  messageImages: string | null;
  /** Where the quoted history of a reply starts in a compose body (lib/compose/quoted-history.ts). */
  quotedHistory: readonly string[];
  /**
   * The webmail's Undo Send: the control in its "sent" notice, and the longest the webmail keeps
   * a send undoable. The email stays In Progress that long unless the notice ends sooner.
   */
  undoSend: { control: string; windowMs: number };
  onComposeOpened(handler: (compose: ComposeView) => void, signal: AbortSignal, doc?: Document): void;
}
