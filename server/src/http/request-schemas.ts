// The JSON schemas of what the /v1 routes accept, named in routes.ts beside each route (the send's
// is checked in the mail process, delivery/mail-process.ts). Each route's body limit is in
// http/body-limits.ts and must let the largest body its schema allows through.

/**
 * What ajv is told, by fastify (app.ts) and by the mail process alike. Unknown fields are refused,
 * not stripped: an unknown field or a string where a list belongs is an error, not silently
 * fixed. Scalars are still coerced, which the query string (limit=50) needs.
 */
export const ajvOptions = { removeAdditional: false, coerceTypes: true } as const;

export const messageIdSchema = { type: 'string', minLength: 1, maxLength: 200 } as const;

const address = { type: 'string', minLength: 3, maxLength: 320, pattern: '^[^\\s<>@]+@[^\\s<>@]+$' } as const;

export const registerSchema = {
  type: 'object',
  required: ['messageId', 'sentAt', 'links'],
  additionalProperties: false,
  properties: {
    messageId: messageIdSchema,
    sentAt: { type: 'string', format: 'date-time' },
    recipients: { type: 'array', maxItems: 500, items: { type: 'string', minLength: 3, maxLength: 320 } },
    links: { type: 'array', maxItems: 500, items: { type: 'string', maxLength: 4096 } },
    track: { type: 'boolean' },
  },
} as const;

export const trackingSchema = {
  type: 'object',
  required: ['enabled'],
  additionalProperties: false,
  properties: { enabled: { type: 'boolean' } },
} as const;

/**
 * The rep opened a message: named by its messageId, or by its pixel's token (Gmail's image proxy
 * leaves the extension only the pixel URL). Exactly one of the two.
 */
export const selfViewSchema = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: { messageId: messageIdSchema, token: { type: 'string', minLength: 1, maxLength: 44 } },
} as const;

export const feedQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    after: { type: 'string', pattern: '^[0-9-]{1,40}$', default: '0' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 200 },
  },
} as const;

export const sendSchema = {
  type: 'object',
  required: ['messageId', 'from', 'to', 'subject', 'html'],
  additionalProperties: false,
  properties: {
    messageId: messageIdSchema,
    from: address,
    to: { type: 'array', minItems: 1, maxItems: 100, items: address },
    subject: { type: 'string', maxLength: 998 },
    // No maxLength: together they are the mail, whose size is counted in bytes against
    // MAX_SEND_BYTES before this schema is applied (delivery/read-send.ts).
    html: { type: 'string' },
    text: { type: 'string' },
    sendAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const rescheduleSchema = {
  type: 'object',
  required: ['sendAt'],
  additionalProperties: false,
  properties: { sendAt: { type: 'string', format: 'date-time' } },
} as const;
