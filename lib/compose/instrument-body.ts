import { Refusal } from '../errors/refusal';
import { findHistoryStart } from './quoted-history';
import { findTrackableAnchors } from './tracked-links';

/** What `POST /v1/messages` answered: `clickUrls[k]` belongs to the k-th trackable link, null = leave it. */
export type BodyRegistration = { pixelUrl: string; clickUrls: readonly (string | null)[] };

/** What the body carries after the call (the same on a second call): our pixels and our click links. */
export type InstrumentedBody = { pixels: number; rewritten: number };

// 1×1 and borderless so no client draws it; not display:none, which some clients never load.
const PIXEL_STYLE = 'border:0;width:1px;height:1px;margin:0;padding:0';

function pixelsOf(body: HTMLElement, pixelUrl: string): HTMLImageElement[] {
  return [...body.querySelectorAll('img')].filter((img) => img.getAttribute('src') === pixelUrl);
}

function createPixel(body: HTMLElement, pixelUrl: string): HTMLImageElement {
  const pixel = body.ownerDocument.createElement('img');
  pixel.setAttribute('src', pixelUrl);
  pixel.setAttribute('width', '1');
  pixel.setAttribute('height', '1');
  pixel.setAttribute('alt', '');
  pixel.setAttribute('style', PIXEL_STYLE);
  return pixel;
}

/**
 * Makes a compose body tracked, in place, just before it is sent: the k-th trackable link (as
 * `findTrackableLinks` lists them) gets `clickUrls[k]` as its href, and one pixel goes at the end
 * of the rep's new text, before the quoted history. Nothing else changes, so the mail reads the
 * same. A double Send calls it twice: links already pointing at our click URLs and a pixel already
 * there are recognised by the registration's URLs and left as they are.
 */
export function instrumentBody(
  body: HTMLElement,
  registration: BodyRegistration,
  quotedHistory: readonly string[],
): InstrumentedBody {
  const links = findTrackableAnchors(body, quotedHistory);
  // Another count means the body changed since it was registered: the k-th click URL would
  // redirect another link's reader to the wrong page, so nothing is rewritten.
  if (links.length !== registration.clickUrls.length) {
    throw new Refusal(
      'conflict',
      `The email has ${links.length} links but ${registration.clickUrls.length} were registered for tracking; send it again.`,
    );
  }
  links.forEach((link, k) => {
    const clickUrl = registration.clickUrls[k];
    if (clickUrl != null && link.getAttribute('href') !== clickUrl) link.setAttribute('href', clickUrl);
  });

  if (pixelsOf(body, registration.pixelUrl).length === 0) {
    const pixel = createPixel(body, registration.pixelUrl);
    const historyStart = findHistoryStart(body, quotedHistory);
    if (historyStart?.parentNode) historyStart.parentNode.insertBefore(pixel, historyStart);
    else body.append(pixel);
  }

  const ours = new Set(registration.clickUrls.filter((url) => url != null));
  return {
    pixels: pixelsOf(body, registration.pixelUrl).length,
    rewritten: links.filter((link) => ours.has(link.getAttribute('href') ?? '')).length,
  };
}
