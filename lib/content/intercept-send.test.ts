// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteId } from '../sites/site-adapter';
import { interceptSend, type SendInterception } from './intercept-send';

// A compose like the webmail's: a body, a Send control (Gmail's is a div with a label inside)
// and another button. The webmail's own handlers listen on the document in the bubble phase,
// as Gmail's and Outlook's do, and count what reaches them.

let page = new AbortController();
afterEach(() => page.abort());

function openCompose(site: SiteId = 'gmail', wanted = () => true) {
  page = new AbortController();
  document.body.innerHTML = `
    <div class="compose">
      <div class="body" contenteditable="true">Hi Dana</div>
      <div class="send" role="button" tabindex="0"><span class="label">Send</span></div>
      <div class="attach" role="button" tabindex="0">Attach</div>
    </div>`;
  const root = document.querySelector<HTMLElement>('.compose')!;
  const sendButton = root.querySelector<HTMLElement>('.send')!;
  const webmail = { sends: 0, mousedowns: 0, mouseups: 0, keys: 0, attach: 0 };
  const onSendControl = (event: Event) => event.target instanceof Node && sendButton.contains(event.target);
  document.addEventListener(
    'click',
    (event) => {
      if (onSendControl(event)) webmail.sends++;
      else if (event.target instanceof Element && event.target.closest('.attach')) webmail.attach++;
    },
    { signal: page.signal },
  );
  document.addEventListener('mousedown', (event) => void (onSendControl(event) && webmail.mousedowns++), {
    signal: page.signal,
  });
  document.addEventListener('mouseup', (event) => void (onSendControl(event) && webmail.mouseups++), {
    signal: page.signal,
  });
  document.addEventListener('keydown', () => void webmail.keys++, { signal: page.signal });

  const interceptions: SendInterception[] = [];
  const onSend = vi.fn((interception: SendInterception) => void interceptions.push(interception));
  const watching = new AbortController();
  page.signal.addEventListener('abort', () => watching.abort());
  interceptSend(root, site, () => root.querySelector<HTMLElement>('.send'), wanted, onSend, watching.signal);
  return {
    root,
    sendButton,
    body: root.querySelector<HTMLElement>('.body')!,
    attach: root.querySelector<HTMLElement>('.attach')!,
    label: root.querySelector<HTMLElement>('.label')!,
    webmail,
    onSend,
    interceptions,
    stopWatching: () => watching.abort(),
  };
}

/** A rep's click: the browser fires mousedown, mouseup and click on the element. */
function clickAsRep(element: HTMLElement) {
  const events = ['mousedown', 'mouseup', 'click'].map(
    (type) => new MouseEvent(type, { bubbles: true, cancelable: true, button: 0 }),
  );
  for (const event of events) element.dispatchEvent(event);
  return events;
}
const keyDown = (element: HTMLElement, init: KeyboardEventInit) => {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  element.dispatchEvent(event);
  return event;
};

describe('catching the rep’s Send', () => {
  it('a click on Send asks us first; the webmail sends only after release, once', () => {
    const compose = openCompose();
    const events = clickAsRep(compose.sendButton);
    expect(compose.onSend).toHaveBeenCalledTimes(1);
    expect(compose.webmail).toMatchObject({ sends: 0, mousedowns: 0, mouseups: 0 });
    expect(events.every((event) => event.defaultPrevented)).toBe(true);

    expect(compose.interceptions[0]!.release()).toBe(true);
    expect(compose.webmail).toMatchObject({ sends: 1, mousedowns: 1, mouseups: 1 });
    expect(compose.onSend).toHaveBeenCalledTimes(1);
  });

  it('a click on the label inside the Send button counts as Send', () => {
    const compose = openCompose();
    clickAsRep(compose.label);
    expect(compose.onSend).toHaveBeenCalledTimes(1);
    expect(compose.webmail.sends).toBe(0);
  });

  it('a double click never reaches the webmail before release', () => {
    const compose = openCompose();
    clickAsRep(compose.sendButton);
    clickAsRep(compose.sendButton);
    expect(compose.webmail.sends).toBe(0);
    compose.interceptions[0]!.release();
    expect(compose.webmail.sends).toBe(1);
  });

  it('a right click on Send is left to the webmail', () => {
    const compose = openCompose();
    compose.sendButton.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true, button: 2 }));
    expect(compose.webmail.mousedowns).toBe(1);
    expect(compose.onSend).not.toHaveBeenCalled();
  });

  type Target = 'body' | 'send';
  it.each<[string, SiteId, boolean, Target, KeyboardEventInit]>([
    ['Ctrl+Enter in the body', 'gmail', true, 'body', { key: 'Enter', ctrlKey: true }],
    ['Cmd+Enter in the body', 'gmail', true, 'body', { key: 'Enter', metaKey: true }],
    ['Ctrl+Enter in Outlook', 'outlook', true, 'body', { key: 'Enter', ctrlKey: true }],
    ['Alt+S in Outlook', 'outlook', true, 'body', { key: 's', code: 'KeyS', altKey: true }],
    ['Alt+Shift+S in Outlook', 'outlook', true, 'body', { key: 'S', code: 'KeyS', altKey: true, shiftKey: true }],
    ['Alt+S in Gmail', 'gmail', false, 'body', { key: 's', code: 'KeyS', altKey: true }],
    ['Enter on the Send button', 'gmail', true, 'send', { key: 'Enter' }],
    ['Space on the Send button', 'gmail', true, 'send', { key: ' ' }],
    ['Enter in the body (a new line)', 'gmail', false, 'body', { key: 'Enter' }],
    ['Space in the body', 'gmail', false, 'body', { key: ' ' }],
    ['S in the body', 'outlook', false, 'body', { key: 's', code: 'KeyS' }],
  ])('%s (%s) is caught: %s', (_case, site, caught, target, init) => {
    const compose = openCompose(site);
    const event = keyDown(target === 'body' ? compose.body : compose.sendButton, init);
    expect(compose.onSend).toHaveBeenCalledTimes(caught ? 1 : 0);
    expect(compose.webmail.keys).toBe(caught ? 0 : 1);
    expect(event.defaultPrevented).toBe(caught);
  });

  it('a held Ctrl+Enter sends once, and its repeats do not reach the webmail either', () => {
    const compose = openCompose();
    keyDown(compose.body, { key: 'Enter', ctrlKey: true });
    for (let n = 0; n < 3; n++) keyDown(compose.body, { key: 'Enter', ctrlKey: true, repeat: true });
    expect(compose.onSend).toHaveBeenCalledTimes(1);
    expect(compose.webmail.keys).toBe(0);
  });
});

describe('leaving the webmail alone', () => {
  it('a compose we cannot track sends as if we were not here', () => {
    const compose = openCompose('gmail', () => false);
    const events = clickAsRep(compose.sendButton);
    keyDown(compose.body, { key: 'Enter', ctrlKey: true });
    expect(compose.onSend).not.toHaveBeenCalled();
    expect(compose.webmail).toMatchObject({ sends: 1, mousedowns: 1, mouseups: 1, keys: 1 });
    expect(events.some((event) => event.defaultPrevented)).toBe(false);
  });

  it('once watching stops (the compose closed), nothing is caught', () => {
    const compose = openCompose();
    compose.stopWatching();
    clickAsRep(compose.sendButton);
    keyDown(compose.body, { key: 'Enter', ctrlKey: true });
    expect(compose.onSend).not.toHaveBeenCalled();
    expect(compose.webmail).toMatchObject({ sends: 1, keys: 1 });
  });

  it('a click elsewhere in the compose is untouched', () => {
    const compose = openCompose();
    const events = clickAsRep(compose.attach);
    clickAsRep(compose.body);
    expect(compose.onSend).not.toHaveBeenCalled();
    expect(compose.webmail).toMatchObject({ attach: 1, sends: 0 });
    expect(events.some((event) => event.defaultPrevented)).toBe(false);
  });

  it('release without a Send control (the compose went away) says so and sends nothing', () => {
    const compose = openCompose();
    clickAsRep(compose.sendButton);
    compose.sendButton.remove();
    expect(compose.interceptions[0]!.release()).toBe(false);
    expect(compose.webmail.sends).toBe(0);
  });
});
