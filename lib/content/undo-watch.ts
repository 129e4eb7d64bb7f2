import type { ComposeView } from '../sites/compose-view';
import type { SiteAdapter } from '../sites/site-adapter';

/** A send the webmail took, while its Undo window is open. */
export interface SentCompose {
  id: string;
  draftId?: string | undefined;
  until: number;
}

export interface UndoReports {
  undone(id: string): void;
  /** The webmail's notice went away without Undo: sent for good. */
  windowClosed(id: string): void;
}

export interface UndoWatch {
  watch(sent: SentCompose): void;
  /**
   * A compose just opened: if it is an undone send coming back (Gmail re-opens the same draft;
   * after a click on Undo, the next compose is it), that send is reported undone and its id
   * returned, so the next Send of this compose replaces its Draft row.
   */
  claim(compose: ComposeView): string | undefined;
}

/** After a click on Undo, the webmail re-opens the compose within this long. */
const REOPEN_MS = 5_000;
const POLL_MS = 400;

/**
 * Follows the webmail's Undo Send for the sends of this tab. The Undo control says nothing about
 * which send it belongs to, so a click counts for the latest one; only a compose re-opening
 * confirms it (a click on some other notice's button must not turn a sent email into a Draft).
 */
export function createUndoWatch(
  adapter: SiteAdapter,
  reports: UndoReports,
  signal: AbortSignal,
  doc: Document = document,
  now: () => number = Date.now,
): UndoWatch {
  const open: (SentCompose & { clickedAt?: number; noticeSeen?: boolean })[] = [];
  let poll: ReturnType<typeof setInterval> | undefined;
  // The page's clicks and keys are listened to only while a window is open: typing costs nothing else.
  let listening: AbortController | undefined;

  const forget = (id: string) => {
    const index = open.findIndex((sent) => sent.id === id);
    if (index >= 0) open.splice(index, 1);
    if (open.length > 0) return;
    clearInterval(poll);
    poll = undefined;
    listening?.abort();
    listening = undefined;
  };
  // Gmail's notice holds Undo for the rep's window (5–30 s), then changes: that ends the window early.
  const checkNotices = () => {
    const noticeShown = doc.querySelector(adapter.undoSend.control) !== null;
    for (const sent of [...open]) {
      if (now() > sent.until + REOPEN_MS) forget(sent.id);
      else if (noticeShown) sent.noticeSeen = true;
      else if (sent.noticeSeen && sent.clickedAt === undefined) {
        forget(sent.id);
        reports.windowClosed(sent.id);
      }
    }
  };
  const onUndoControl = (event: Event) => {
    if (event instanceof KeyboardEvent && event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.target instanceof Element ? event.target : null;
    if (!target?.closest(adapter.undoSend.control)) return;
    const latest = open.at(-1);
    if (latest && now() <= latest.until) latest.clickedAt = now();
  };
  signal.addEventListener(
    'abort',
    () => {
      clearInterval(poll);
      listening?.abort();
    },
    { once: true },
  );

  return {
    watch(sent) {
      if (signal.aborted) return;
      open.push(sent);
      poll ??= setInterval(checkNotices, POLL_MS);
      if (!listening) {
        listening = new AbortController();
        doc.addEventListener('click', onUndoControl, { capture: true, signal: listening.signal });
        doc.addEventListener('keydown', onUndoControl, { capture: true, signal: listening.signal });
      }
    },
    claim(compose) {
      const draftId = compose.identity().draftId;
      const at = now();
      const back = open.find(
        (sent) =>
          (draftId !== undefined && sent.draftId === draftId && at <= sent.until) ||
          (sent.clickedAt !== undefined && at - sent.clickedAt <= REOPEN_MS),
      );
      if (!back) return undefined;
      forget(back.id);
      reports.undone(back.id);
      return back.id;
    },
  };
}
