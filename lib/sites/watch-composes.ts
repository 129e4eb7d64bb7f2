import type { ComposeView } from './compose-view';

export interface ComposeWatchSpec {
  /** An element every compose has exactly one of; its leaving the page means the compose closed. */
  marker: string;
  /** Builds the view for one marker; `closed` is owned by the watcher. */
  createView(marker: HTMLElement, closed: AbortSignal): ComposeView;
}

/**
 * Shared by both adapters: reports every compose on the page now and every one added later,
 * once each, and aborts a view's `closed` when its marker leaves the page. One observer on the
 * body (the only container both webmails never replace): typing in a compose adds nodes on
 * every keystroke, so added nodes inside a known compose and nodes with no child elements
 * (which cannot hold a compose) are skipped before any selector runs.
 */
export function watchComposes(
  spec: ComposeWatchSpec,
  handler: (compose: ComposeView) => void,
  signal: AbortSignal,
  doc: Document = document,
): void {
  if (signal.aborted) return;
  const open = new Map<Element, AbortController>();

  const adopt = (marker: HTMLElement) => {
    if (open.has(marker)) return;
    const closing = new AbortController();
    open.set(marker, closing);
    handler(spec.createView(marker, closing.signal));
  };
  const scan = (node: Element) => {
    // Matched in an HTML page, so an HTMLElement (a DOMParser document has no window to test against).
    if (node.matches(spec.marker)) adopt(node as HTMLElement);
    for (const marker of node.querySelectorAll<HTMLElement>(spec.marker)) adopt(marker);
  };
  const insideKnownCompose = (node: Node) => {
    for (const marker of open.keys()) if (marker.contains(node)) return true;
    return false;
  };

  const observer = new MutationObserver((records) => {
    let removed = false;
    for (const record of records) {
      if (record.removedNodes.length > 0) removed = true;
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE || !(node as Element).firstElementChild) continue;
        if (!insideKnownCompose(node)) scan(node as Element);
      }
    }
    if (removed) {
      for (const [marker, closing] of open) {
        if (marker.isConnected) continue;
        open.delete(marker);
        closing.abort();
      }
    }
  });

  const container = doc.body ?? doc.documentElement;
  scan(container);
  observer.observe(container, { childList: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      for (const closing of open.values()) closing.abort();
      open.clear();
    },
    { once: true },
  );
}
