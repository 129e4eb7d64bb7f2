import { CHANNEL, type ComposeRequestInput, type FrameMessage } from './protocol';

// The sidebar's side of the frame messages (protocol.ts FrameMessage): posted to the content
// script that hosts our iframe, which accepts them only from that iframe and our origin.

/** Posts one message to the hosting webmail page, addressed to its origin when the browser tells us it. */
export function tellHost(message: FrameMessage, win: Window = window): void {
  const parentOrigin = win.location.ancestorOrigins?.[0] ?? '*';
  win.parent.postMessage(message, parentOrigin);
}

/**
 * Asks the webmail for a new compose, prefilled (Lists and Tasks, issue #10 item 6). The
 * content script opens it, skips recipients that are not addresses and logs what it skipped.
 */
export function requestCompose(request: ComposeRequestInput, win: Window = window): void {
  tellHost({ channel: CHANNEL, kind: 'compose.open', ...request }, win);
}
