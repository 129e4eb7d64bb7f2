// What a rep could not use in a compose with our toolbar, and in the notice after an untracked
// send, for `npm run screenshots`. Both hosts have closed shadow roots: these functions run
// inside them through the DevTools protocol (tests/support/closed-shadow.ts), so they must be
// self-contained (no imports, no outer names): they are sent as their source text.
import type { Page } from '@playwright/test';
import { SEND_NOTICE_TAG, TOOLBAR_TAG } from '../lib/content/element-names.ts';
import * as gmail from '../lib/sites/gmail/selectors.ts';
import * as outlook from '../lib/sites/outlook/selectors.ts';
import { ClosedShadow } from '../tests/support/closed-shadow.ts';
import type { Site } from './screenshot-webmail.ts';

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Looked {
  problems: string[];
  /** The compose (or the notice and what is beside it) as the rep sees it, for the picture. */
  clip: Clip;
}

/** The site's compose root, Send and body, from the extension's own selectors. */
export const COMPOSE_HOOKS = {
  gmail: { compose: gmail.COMPOSE_ROOT, send: gmail.SEND_BUTTON, body: gmail.BODY_EDITABLE },
  outlook: {
    compose: outlook.COMPOSE_ROOT,
    send: `${outlook.SEND_CONTROL} ${outlook.SEND_INNER_BUTTON}`,
    body: outlook.BODY_EDITABLE,
  },
} as const satisfies Record<Site, ComposeHooks>;

interface ComposeHooks {
  compose: string;
  send: string;
  body: string;
}

/** Looks at the toolbar in the page's first compose. */
export function lookAtToolbar(page: Page, site: Site): Promise<Looked> {
  return new ClosedShadow(page, TOOLBAR_TAG).call<Looked>(
    '.bar',
    `function () { return (${toolbarLayout.toString()})(this, ${JSON.stringify(COMPOSE_HOOKS[site])}); }`,
  );
}

/** Looks at the notice after an untracked send. */
export function lookAtNotice(page: Page): Promise<Looked> {
  return new ClosedShadow(page, SEND_NOTICE_TAG).call<Looked>(
    '.notice',
    `function () { return (${noticeLayout.toString()})(this); }`,
  );
}

/**
 * The toolbar must not widen the compose or push the webmail's controls out of it, Send must be
 * in view and uncovered, the Track switch and the campaign picker whole; the status may end in
 * an ellipsis, but not vanish. Runs in the page with `bar` = the toolbar's `.bar`.
 */
function toolbarLayout(bar: HTMLElement, hooks: ComposeHooks): Looked {
  type Box = { left: number; top: number; right: number; bottom: number };
  const view = bar.ownerDocument.defaultView!;
  const doc = bar.ownerDocument;
  const host = (bar.getRootNode() as ShadowRoot).host as HTMLElement;
  const parentOf = (node: Element): Element | null =>
    node.parentElement ?? ((node.parentNode as ShadowRoot | null)?.host as Element | undefined) ?? null;
  const intersect = (a: Box, b: Box): Box => ({
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  });
  // The viewport, cut by every ancestor that clips what overflows it.
  const visibleArea = (element: Element): Box => {
    let area: Box = { left: 0, top: 0, right: view.innerWidth, bottom: view.innerHeight };
    for (let node = parentOf(element); node; node = parentOf(node)) {
      const style = view.getComputedStyle(node);
      if (style.overflowX !== 'visible' || style.overflowY !== 'visible')
        area = intersect(area, node.getBoundingClientRect());
    }
    return area;
  };
  const beyond = (element: Element) => {
    const box = element.getBoundingClientRect();
    const area = visibleArea(element);
    return Math.round(
      Math.max(area.left - box.left, box.right - area.right, area.top - box.top, box.bottom - area.bottom, 0),
    );
  };
  const name = (element: Element) =>
    element.getAttribute('aria-label') || (element as HTMLElement).innerText?.trim() || element.tagName.toLowerCase();
  const part = (selector: string) => bar.querySelector<HTMLElement>(selector)!;
  const problems: string[] = [];

  const compose = host.closest(hooks.compose);
  if (!compose) return { problems: ['the toolbar is outside the compose'], clip: { x: 0, y: 0, width: 1, height: 1 } };
  const composeArea = intersect(compose.getBoundingClientRect(), visibleArea(compose));

  if (beyond(host) > 0) problems.push(`the toolbar runs ${beyond(host)} px past the compose's edge`);
  const track = part('.track');
  if (beyond(track) > 0) problems.push(`the Track switch is cut (${beyond(track)} px out of sight)`);
  else if (track.scrollWidth > track.clientWidth + 1) problems.push('the Track switch label is cut');
  const campaign = part('.campaign') as HTMLInputElement;
  if (beyond(campaign) > 0) problems.push(`the campaign picker is cut (${beyond(campaign)} px out of sight)`);
  else if (!campaign.value) {
    const style = view.getComputedStyle(campaign);
    const context = doc.createElement('canvas').getContext('2d')!;
    context.font = style.font;
    const room = campaign.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
    if (context.measureText(campaign.placeholder).width > room + 1)
      problems.push(`the campaign picker's "${campaign.placeholder}" is cut to ${Math.round(room)} px`);
  }
  const status = part('.status');
  if (status.textContent && status.clientWidth < 40)
    problems.push(`the status "${status.textContent}" is ${status.clientWidth} px wide: as good as hidden`);
  else if (beyond(status) > 0 && beyond(host) === 0)
    problems.push(`the status is cut off without its ellipsis (${beyond(status)} px)`);

  // The warning about a recipient wraps instead of cutting: all of it must be in sight.
  const warning = part('.warning');
  if (warning.textContent && beyond(warning) > 0)
    problems.push(`the recipient warning is cut (${beyond(warning)} px out of sight)`);

  // Whole but under something else (a floating sidebar, a webmail popup): the page hit-tests to our host.
  for (const [what, element] of [
    ['Track switch', track],
    ['campaign picker', campaign],
    ['status', status],
    ...(warning.textContent ? ([['recipient warning', warning]] as const) : []),
  ] as const) {
    const box = element.getBoundingClientRect();
    const hit = box.width > 0 ? doc.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) : host;
    if (hit && hit !== host) problems.push(`the ${what} is covered by ${name(hit)}`);
  }

  const send = compose.querySelector<HTMLElement>(hooks.send);
  if (!send) problems.push('no Send button in the compose');
  else {
    const box = send.getBoundingClientRect();
    const hit = doc.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (beyond(send) > 0) problems.push(`the Send button is ${beyond(send)} px out of sight`);
    else if (hit && !send.contains(hit)) problems.push(`the Send button is covered by ${name(hit)}`);
    // The send row: the nearest element holding both our toolbar and Send.
    let row: Element | null = host;
    while (row && !row.contains(send)) row = parentOf(row);
    const controls = [...(row?.querySelectorAll('[role=button], button') ?? [])].filter((control) =>
      control.checkVisibility(),
    );
    const hidden = controls.filter((control) => beyond(control) > 0).map(name);
    if (hidden.length > 0) problems.push(`the send row overflows the compose: ${hidden.join(', ')} out of sight`);
    const covered = new Map<string, string[]>();
    for (const control of controls) {
      const at = control.getBoundingClientRect();
      const over = doc.elementFromPoint(at.left + at.width / 2, at.top + at.height / 2);
      if (control === send || !over || control.contains(over) || over.contains(control) || beyond(control) > 0)
        continue;
      covered.set(name(over), [...(covered.get(name(over)) ?? []), name(control)]);
    }
    for (const [over, names] of covered) problems.push(`${names.join(', ')} in the send row covered by ${over}`);
    const cell = host.parentElement?.tagName === 'TD' ? host.parentElement : host;
    const after = cell.nextElementSibling;
    if (after?.matches('[aria-haspopup]') && (cell.previousElementSibling?.contains(send) ?? false))
      problems.push(`the toolbar sits between Send and its "${name(after)}" button`);
  }
  const body = compose.querySelector(hooks.body);
  if (body && body.getBoundingClientRect().right > visibleArea(body).right + 1)
    problems.push(
      `the message body is ${Math.round(body.getBoundingClientRect().right - visibleArea(body).right)} px wider than the compose: the rep's text is cut`,
    );

  // The compose's width and 8 px beyond (its edge shows), a band around the send row: Gmail's
  // text above it, Outlook's recipients and subject below it.
  const toolbarBox = host.getBoundingClientRect();
  const left = Math.max(0, composeArea.left - 8);
  const top = Math.max(0, composeArea.top - 8, toolbarBox.top - 150);
  const right = Math.min(view.innerWidth, composeArea.right + 8);
  const bottom = Math.min(view.innerHeight, composeArea.bottom + 8, toolbarBox.bottom + 150);
  const clip = {
    x: Math.floor(left),
    y: Math.floor(top),
    width: Math.ceil(right - left),
    height: Math.ceil(bottom - top),
  };
  return { problems, clip };
}

/**
 * The notice must be whole in the window and leave the webmail's own notice (Gmail's "Message
 * sent · Undo") readable. Runs in the page with `notice` = its `.notice`.
 */
function noticeLayout(notice: HTMLElement): Looked {
  const view = notice.ownerDocument.defaultView!;
  const host = (notice.getRootNode() as ShadowRoot).host as HTMLElement;
  const box = notice.getBoundingClientRect();
  const problems: string[] = [];
  if (box.left < 0 || box.top < 0 || box.right > view.innerWidth || box.bottom > view.innerHeight)
    problems.push('the notice is not whole in the window');
  let left = box.left;
  let top = box.top;
  let right = box.right;
  const overlaps = (other: DOMRect) =>
    other.left < box.right && other.right > box.left && other.top < box.bottom && other.bottom > box.top;
  for (const alert of notice.ownerDocument.querySelectorAll<HTMLElement>('[role=alert]')) {
    const other = alert.getBoundingClientRect();
    if (host.contains(alert) || !alert.checkVisibility() || !alert.innerText.trim() || other.width === 0) continue;
    if (overlaps(other)) problems.push(`the notice covers the webmail's own "${alert.innerText.trim()}"`);
    left = Math.min(left, other.left);
    top = Math.min(top, other.top);
    right = Math.max(right, other.right);
  }
  const x = Math.max(0, Math.floor(left - 16));
  const y = Math.max(0, Math.floor(top - 16));
  return {
    problems,
    clip: { x, y, width: Math.min(view.innerWidth, Math.ceil(right + 16)) - x, height: view.innerHeight - y },
  };
}
