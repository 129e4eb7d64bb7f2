/**
 * Records (on <html data-visible-at>) the wall-clock time the folder counts first painted, so
 * the benchmark can measure "sidebar visible" from the content script's start in another
 * document. Epoch milliseconds, comparable across documents.
 */
export function markVisibleWhenCountsArrive(): void {
  const observer = new MutationObserver(() => {
    const count = document.querySelector('[data-testid="folder-count-delivered"]');
    if (!count || count.textContent === '·') return;
    observer.disconnect();
    requestAnimationFrame(() => {
      document.documentElement.dataset.visibleAt = String(performance.timeOrigin + performance.now());
    });
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
}
