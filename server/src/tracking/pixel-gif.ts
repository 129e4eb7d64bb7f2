// The smallest transparent 1×1 GIF (43 bytes), built once so the pixel route only writes a Buffer.
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export const PIXEL_HEADERS = {
  'content-type': 'image/gif',
  'content-length': String(PIXEL_GIF.length),
  // Gmail's proxy honours no-cache since 2014, so each re-open fetches again.
  'cache-control': 'no-cache, no-store, must-revalidate, private',
  pragma: 'no-cache',
  expires: '0',
} as const;
