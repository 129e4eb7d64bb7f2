import { findHistoryStart, isInHistory } from './quoted-history';

// Elements that end a line when shown, so "<div>Hi</div><div>Ann</div>" previews as "Hi Ann".
const LINE_BREAKING = new Set(['BR', 'DIV', 'P', 'LI', 'TR', 'TD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE']);
const NOT_SHOWN = new Set(['STYLE', 'SCRIPT', 'TEMPLATE']);

/**
 * The rep's new text as one line for an email row: whitespace collapsed, no quoted history, at
 * most `max` characters (code points, so an emoji is never cut in half), ending in "…" when cut.
 */
export function bodyPreview(body: HTMLElement, quotedHistory: readonly string[], max = 200): string {
  const historyStart = findHistoryStart(body, quotedHistory);
  const parts: string[] = [];
  const visit = (node: Node): void => {
    if (isInHistory(node, historyStart)) return;
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const { tagName } = node as Element;
    if (NOT_SHOWN.has(tagName)) return;
    const breaks = LINE_BREAKING.has(tagName);
    if (breaks) parts.push(' ');
    node.childNodes.forEach(visit);
    if (breaks) parts.push(' ');
  };
  body.childNodes.forEach(visit);
  const text = [...parts.join('').replace(/\s+/g, ' ').trim()];
  return text.length <= max
    ? text.join('')
    : `${text
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
