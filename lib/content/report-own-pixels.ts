import { sendCommand } from '../messaging/client';
import { NEUTRAL_IMAGE, proxiedOwnPixel } from '../tracking/own-pixel';
import { loadServerSettings, watchServerSettings } from '../tracking/server-settings';

/** Where a neutralised image keeps the address the webmail gave it. */
export const ORIGINAL_SRC_ATTR = 'data-icc-original-src';

type Report = (pixelUrl: string) => Promise<unknown>;
const reportToBackground: Report = (pixelUrl) => sendCommand('tracking.selfView', { pixelUrl });

/**
 * The rep reading their own sent message must never count as an open. Gmail fetches images
 * through its proxy, where the block rule cannot see our pixel (own-pixel.ts), so every image
 * matching `selector` that carries the configured server's pixel is swapped for a blank one
 * before it loads where we are fast enough, and the server is told the rep looked (it relabels
 * the proxy's hit as `self` when we were not). Any other image is left alone.
 */
export function reportOwnPixels(
  selector: string,
  signal: AbortSignal,
  doc: Document = document,
  report: Report = reportToBackground,
): void {
  if (signal.aborted) return;
  let serverUrl: string | null = null;
  // One report per image the webmail shows, even if it sets the proxy address again.
  const reported = new WeakSet<Element>();

  const check = (image: HTMLImageElement) => {
    const src = image.getAttribute('src') ?? '';
    const pixelUrl = serverUrl && src !== NEUTRAL_IMAGE ? proxiedOwnPixel(src, serverUrl) : null;
    if (!pixelUrl) return;
    image.setAttribute(ORIGINAL_SRC_ATTR, src);
    image.removeAttribute('srcset');
    image.setAttribute('src', NEUTRAL_IMAGE);
    if (reported.has(image)) return;
    reported.add(image);
    report(pixelUrl).catch((error: unknown) => console.warn('[command-center] self-view not reported', error));
  };
  const scan = (node: Element) => {
    if (node.matches(selector)) check(node as HTMLImageElement);
    for (const image of node.querySelectorAll<HTMLImageElement>(selector)) check(image);
  };

  const container = doc.body ?? doc.documentElement;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        if ((record.target as Element).matches(selector)) check(record.target as HTMLImageElement);
        continue;
      }
      for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) scan(node as Element);
    }
  });
  // Gmail's page pays for the observer only while a server is configured (no server, no pixels of ours).
  const followSettings = () =>
    void loadServerSettings().then((settings) => {
      if (signal.aborted) return;
      serverUrl = settings?.url ?? null;
      observer.disconnect();
      if (!serverUrl) return;
      observer.observe(container, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });
      scan(container);
    });
  followSettings();
  const unwatch = watchServerSettings(followSettings);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      unwatch();
    },
    { once: true },
  );
}
