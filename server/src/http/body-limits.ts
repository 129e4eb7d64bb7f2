// The largest body each route takes, named beside each route in routes.ts. A body over its
// route's limit is refused with a 413 that names the limit (http/errors.ts), before it is read
// whole when it declares its length. Each limit lets through the largest body its schema allows
// (test/backend/body-limits.test.ts sends one to every route).

/** No body expected (GET, DELETE, the preflight, unknown paths): a client's stray `{}` fits. */
export const NO_BODY_LIMIT = 1024;

/**
 * `{enabled}`, `{messageId}` or `{token}`, `{sendAt}`: about 230 bytes at their maxima, 1.4 KB
 * with every character \u-escaped.
 */
export const SMALL_BODY_LIMIT = 4 * 1024;

/**
 * POST /v1/messages at its schema's maxima, 500 links of 4,096 characters and 500 recipients of
 * 320, is 2,211,300 bytes of JSON: URLs and addresses are ASCII, a byte a character. This leaves
 * 148 KB over that for escapes and whitespace.
 */
export const REGISTER_BODY_LIMIT = 2_359_296;

/** messageId, from, 100 addresses of 320 characters, subject, sendAt: 34 KB at most, twice escaped. */
const SEND_ENVELOPE_BYTES = 72 * 1024;

/**
 * POST /v1/send carries a mail of at most MAX_SEND_BYTES of html and text (counted exactly once
 * parsed, delivery/read-send.ts). JSON writes a quote, a backslash or a line break in two bytes,
 * so twice the mail takes any mail of printable text, escaped as it may be.
 */
export function sendBodyLimit(maxSendBytes: number): number {
  return 2 * maxSendBytes + SEND_ENVELOPE_BYTES;
}
