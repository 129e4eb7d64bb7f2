import type { DockPlacement, LayoutHealth } from './site-adapter';

export interface AnchorSpec {
  name: string;
  selector: string;
}

/**
 * Shared by both adapters: every required anchor must exist, and the dock anchor must sit in a
 * horizontal flex row, or we cannot shrink the webmail without covering it. `mailColumn` is the
 * column that gives up the sidebar's width (the dock anchor itself unless the site says otherwise).
 */
export function findDockIn(
  doc: Document,
  required: readonly AnchorSpec[],
  dockAnchor: AnchorSpec,
  pageCss: string,
  mailColumn: AnchorSpec = dockAnchor,
): { placement: DockPlacement; health: LayoutHealth } | { placement: null; health: LayoutHealth } {
  const missing = required.filter((spec) => !doc.querySelector(spec.selector)).map((spec) => spec.name);
  const anchor = doc.querySelector(dockAnchor.selector);
  if (!anchor) missing.push(dockAnchor.name);
  else if (!isInFlexRow(anchor)) missing.push(`${dockAnchor.name} (not in a flex row)`);
  if (missing.length > 0 || !anchor) return { placement: null, health: { status: 'degraded', missing } };
  const column = doc.querySelector(mailColumn.selector) ?? anchor;
  return { placement: { anchor, pageCss, mailColumn: column }, health: { status: 'ok', missing: [] } };
}

function isInFlexRow(element: Element): boolean {
  const parent = element.parentElement;
  if (!parent) return false;
  const style = getComputedStyle(parent);
  return style.display.includes('flex') && !style.flexDirection.startsWith('column');
}
