// The one rule every compose helper shares: where the rep's new text ends. The selectors come
// from the site (QUOTED_HISTORY in lib/sites/<site>/selectors.ts), so this stays site-free.

/**
 * The element where the quoted history starts: the first, in document order, matching any of the
 * selectors. Null for a body with no history (a new message, or a reply whose history the rep
 * deleted).
 */
export function findHistoryStart(body: HTMLElement, quotedHistory: readonly string[]): Element | null {
  if (quotedHistory.length === 0) return null;
  return body.querySelector(quotedHistory.join(', '));
}

/**
 * Whether a node belongs to the history: the start itself, what is inside it, and everything after
 * it. "After" rather than "inside" because Outlook puts the old message beside its header, and
 * text typed below a Gmail quote is safer left untracked than tracked by mistake.
 */
export function isInHistory(node: Node, historyStart: Element | null): boolean {
  if (historyStart === null) return false;
  if (historyStart === node || historyStart.contains(node)) return true;
  return (historyStart.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}
