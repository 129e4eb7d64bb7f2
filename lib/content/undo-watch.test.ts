// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import type { ComposeView } from '../sites/compose-view';
import type { SiteAdapter } from '../sites/site-adapter';
import { createUndoWatch } from './undo-watch';

// Gmail's "Message sent · Undo" notice, reduced to what the watch looks at: the Undo control.
const adapter = { undoSend: { control: '#link_undo', windowMs: 30_000 } } as unknown as SiteAdapter;
const WINDOW = 30_000;

let watching: AbortController;
let reports: { undone: Mock<(id: string) => void>; windowClosed: Mock<(id: string) => void> };

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 });
  document.body.innerHTML = '<button class="other">Archive</button>';
  watching = new AbortController();
  reports = { undone: vi.fn<(id: string) => void>(), windowClosed: vi.fn<(id: string) => void>() };
});
afterEach(() => {
  watching.abort();
  vi.useRealTimers();
});

const start = () => createUndoWatch(adapter, reports, watching.signal, document, () => Date.now());
const composeWith = (draftId?: string) =>
  ({ identity: () => (draftId === undefined ? {} : { draftId }) }) as unknown as ComposeView;
/** The rep pressed Send in a compose the webmail took: its Undo window runs from now. */
const sentNow = (id: string, draftId?: string) => ({ id, draftId, until: Date.now() + WINDOW });

function showNotice() {
  const notice = document.createElement('div');
  notice.className = 'notice';
  notice.innerHTML = '<span>Message sent</span> <span id="link_undo" role="link"><span>Undo</span></span>';
  document.body.append(notice);
  return notice;
}
const clickUndo = () =>
  document
    .querySelector('#link_undo span')!
    .dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));

describe('an undone send coming back into a compose', () => {
  it('Gmail re-opening the same draft within the window is the undone send, claimed once', () => {
    const watch = start();
    watch.watch(sentNow('s1', 'msg-a:r-1'));
    vi.advanceTimersByTime(10_000);
    expect(watch.claim(composeWith('msg-a:r-1'))).toBe('s1');
    expect(reports.undone).toHaveBeenCalledExactlyOnceWith('s1');
    expect(watch.claim(composeWith('msg-a:r-1'))).toBeUndefined();
    expect(reports.undone).toHaveBeenCalledTimes(1);
  });

  it('the same draft after the window is the rep editing a sent email’s draft again: not claimed', () => {
    const watch = start();
    watch.watch(sentNow('s1', 'msg-a:r-1'));
    vi.advanceTimersByTime(WINDOW + 1);
    expect(watch.claim(composeWith('msg-a:r-1'))).toBeUndefined();
    expect(reports.undone).not.toHaveBeenCalled();
  });

  it.each([
    ['another draft', 'msg-a:r-2'],
    ['a new compose without a draft yet', undefined],
  ])('%s opening within the window, without a click on Undo, is not claimed', (_case, draftId) => {
    const watch = start();
    watch.watch(sentNow('s1', 'msg-a:r-1'));
    vi.advanceTimersByTime(2_000);
    expect(watch.claim(composeWith(draftId))).toBeUndefined();
    expect(reports.undone).not.toHaveBeenCalled();
  });

  it.each([
    ['at once', 0, 's1'],
    ['4.9 s later', 4_900, 's1'],
    ['6 s later', 6_000, undefined],
  ])('after a click on Undo, any compose opening %s is claimed: %s', (_case, wait, claimed) => {
    const watch = start();
    watch.watch(sentNow('s1'));
    showNotice();
    vi.advanceTimersByTime(3_000);
    clickUndo();
    vi.advanceTimersByTime(wait);
    expect(watch.claim(composeWith())).toBe(claimed);
    expect(reports.undone).toHaveBeenCalledTimes(claimed ? 1 : 0);
  });

  it('Enter on the Undo control counts as a click', () => {
    const watch = start();
    watch.watch(sentNow('s1'));
    showNotice();
    document
      .querySelector('#link_undo')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(watch.claim(composeWith())).toBe('s1');
  });

  it('a click on Undo counts for the latest send only', () => {
    const watch = start();
    watch.watch(sentNow('s1'));
    vi.advanceTimersByTime(1_000);
    watch.watch(sentNow('s2'));
    showNotice();
    clickUndo();
    expect(watch.claim(composeWith())).toBe('s2');
    expect(watch.claim(composeWith())).toBeUndefined();
    expect(reports.undone).toHaveBeenCalledExactlyOnceWith('s2');
  });
});

describe('what the notice says without a compose coming back', () => {
  it('a click on Undo with no compose re-opening reports nothing (the webmail may have failed to undo)', () => {
    const watch = start();
    watch.watch(sentNow('s1'));
    const notice = showNotice();
    vi.advanceTimersByTime(1_000);
    clickUndo();
    notice.remove();
    vi.advanceTimersByTime(WINDOW + 10_000);
    expect(reports.undone).not.toHaveBeenCalled();
    expect(reports.windowClosed).not.toHaveBeenCalled();
    expect(watch.claim(composeWith())).toBeUndefined();
  });

  it('the notice appearing then going away without a click: the window closed, reported once', () => {
    const watch = start();
    watch.watch(sentNow('s1', 'msg-a:r-1'));
    const notice = showNotice();
    vi.advanceTimersByTime(1_000);
    expect(reports.windowClosed).not.toHaveBeenCalled();
    notice.remove();
    vi.advanceTimersByTime(1_000);
    expect(reports.windowClosed).toHaveBeenCalledExactlyOnceWith('s1');
    vi.advanceTimersByTime(WINDOW);
    expect(reports.windowClosed).toHaveBeenCalledTimes(1);
    // It is sent for good: the same draft re-opening is no longer the undone send.
    expect(watch.claim(composeWith('msg-a:r-1'))).toBeUndefined();
    expect(reports.undone).not.toHaveBeenCalled();
  });

  it('a notice never seen reports no window closed', () => {
    const watch = start();
    watch.watch(sentNow('s1'));
    vi.advanceTimersByTime(WINDOW + 10_000);
    expect(reports.windowClosed).not.toHaveBeenCalled();
  });

  it('a click on some other element does nothing', () => {
    const watch = start();
    watch.watch(sentNow('s1'));
    showNotice();
    document.querySelector<HTMLElement>('.other')!.click();
    document.querySelector('.notice span')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(watch.claim(composeWith())).toBeUndefined();
    expect(reports.undone).not.toHaveBeenCalled();
  });

  it('once watching stops, a click on Undo is not counted', () => {
    const watch = start();
    watch.watch(sentNow('s1'));
    showNotice();
    watching.abort();
    clickUndo();
    expect(watch.claim(composeWith())).toBeUndefined();
  });
});
