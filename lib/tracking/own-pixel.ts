// Our pixel as the rep's own webmail shows it. Gmail loads every image through its proxy and
// keeps the original address after `#` (`https://ci3.googleusercontent.com/meips/…#https://track…/o/<token>.gif`,
// extension-facts.md §4, verified 2026), so the network layer never sees our URL: the page must.

/** A 1×1 transparent GIF: what the rep's browser shows instead of fetching our pixel. */
export const NEUTRAL_IMAGE = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

const PIXEL_FILE = /^([0-9a-f]{32}(?:[0-9a-f]{12})?)\.gif$/i;

/**
 * Our own pixel URL when `src` is an image proxy's address that carries it after `#`, else null.
 * A direct load of our pixel is not one (the block rule of self-view-block.ts stops it), nor is
 * another tracker's pixel behind the same proxy.
 */
export function proxiedOwnPixel(src: string, serverUrl: string): string | null {
  const hash = src.indexOf('#');
  if (hash < 0) return null;
  const proxy = src.slice(0, hash);
  const original = src.slice(hash + 1);
  if (!/^https:\/\//i.test(proxy) || proxy.startsWith(`${serverUrl}/`)) return null;
  return pixelToken(original, serverUrl) ? original : null;
}

/** The token of a pixel URL under `<serverUrl>/o/`, or null for any other URL. */
export function pixelToken(pixelUrl: string, serverUrl: string): string | null {
  const prefix = `${serverUrl}/o/`;
  if (!pixelUrl.startsWith(prefix)) return null;
  return PIXEL_FILE.exec(pixelUrl.slice(prefix.length))?.[1]?.toLowerCase() ?? null;
}
