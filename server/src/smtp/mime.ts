// A small MIME reader for bounce and complaint reports. mailparser's simpleParser folds the
// message/delivery-status part into `.text` (tracking.md §6), so the report parts are split here.

export interface MimePart {
  /** Lower-case header names; repeated headers keep every value, unfolded. */
  headers: Map<string, string[]>;
  type: string;
  params: Record<string, string>;
  body: string;
  parts: MimePart[];
}

const MAX_DEPTH = 8;

export function header(part: MimePart, name: string): string | null {
  return part.headers.get(name.toLowerCase())?.[0] ?? null;
}

/** Unfolds a header block into name → values. */
export function parseHeaderBlock(block: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const list = headers.get(name) ?? [];
    list.push(line.slice(colon + 1).trim());
    headers.set(name, list);
  }
  return headers;
}

function parseContentType(value: string | null): { type: string; params: Record<string, string> } {
  const [type = 'text/plain', ...rest] = (value ?? 'text/plain').split(';');
  const params: Record<string, string> = {};
  for (const match of rest.join(';').matchAll(/([\w-]+)\s*=\s*("([^"]*)"|[^;\s]+)/g)) {
    if (match[1]) params[match[1].toLowerCase()] = match[3] ?? match[2] ?? '';
  }
  return { type: type.trim().toLowerCase(), params };
}

/** Bytes in the part's charset; UTF-8 when it names none or one this runtime cannot read. */
function decodeCharset(bytes: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

function decodeBody(body: string, encoding: string | null, charset: string | undefined): string {
  const cte = (encoding ?? '').toLowerCase();
  if (cte === 'base64') return decodeCharset(Buffer.from(body.replace(/\s+/g, ''), 'base64'), charset);
  if (cte === 'quoted-printable') {
    const bytes = Buffer.from(body.replace(/=\r?\n/g, ''), 'latin1')
      .toString('latin1')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return decodeCharset(Buffer.from(bytes, 'latin1'), charset);
  }
  // ISO-2022-JP is 7-bit: its escape sequences arrive as ASCII and only its decoder makes Japanese
  // of them (Lotus Notes' Japanese reports, 2009).
  if (/^iso-2022-jp/i.test(charset ?? '')) return decodeCharset(Buffer.from(body, 'latin1'), charset);
  return body;
}

/** RFC 2047 encoded words in a header ("=?utf-8?B?…?="), decoded; anything unreadable stays as it was. */
export function decodeHeaderWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (word, charset: string, kind: string, text: string) => {
    const bytes =
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          );
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      return word;
    }
  });
}

function splitHead(raw: string): [string, string] {
  const match = /\r?\n\r?\n/.exec(raw);
  return match ? [raw.slice(0, match.index), raw.slice(match.index + match[0].length)] : [raw, ''];
}

export function parseMime(raw: string, depth = 0): MimePart {
  const [head, rawBody] = splitHead(raw);
  const headers = parseHeaderBlock(head);
  const { type, params } = parseContentType(headers.get('content-type')?.[0] ?? null);
  const part: MimePart = { headers, type, params, body: '', parts: [] };
  if (depth >= MAX_DEPTH) return part;
  if (type.startsWith('multipart/') && params.boundary) {
    // Some anonymised or broken reports declare one boundary and use another: trust the body.
    const declared = params.boundary;
    const boundary = rawBody.includes(`--${declared}`)
      ? declared
      : (/^--(\S{6,200}?)(?:--)?\s*$/m.exec(rawBody)?.[1] ?? declared);
    const delimiter = `--${boundary}`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const chunks = rawBody.split(new RegExp(`^${delimiter}(?:--)?[ \\t]*\\r?$`, 'm'));
    // A report cut short has no closing delimiter; its last part is still worth reading.
    const closed = new RegExp(`^${delimiter}--`, 'm').test(rawBody);
    part.body = chunks[0] ?? '';
    for (const chunk of chunks.slice(1, closed ? -1 : undefined))
      part.parts.push(parseMime(chunk.replace(/^\r?\n/, ''), depth + 1));
    return part;
  }
  part.body = decodeBody(rawBody, header(part, 'content-transfer-encoding'), params.charset);
  if (type === 'message/rfc822' || type === 'text/rfc822-headers' || type === 'text/rfc822-header') {
    part.parts.push(parseMime(part.body, depth + 1));
  }
  return part;
}

/** Depth-first search for the first part of one of the given types. */
export function findPart(root: MimePart, ...types: string[]): MimePart | null {
  if (types.includes(root.type)) return root;
  for (const child of root.parts) {
    const found = findPart(child, ...types);
    if (found) return found;
  }
  return null;
}

/** All text of the human-readable parts, for reports that do not follow RFC 3464. */
export function plainText(root: MimePart): string {
  if (root.type === 'text/plain' || (root.type.startsWith('multipart/') && root.parts.length === 0)) return root.body;
  return root.parts
    .filter((p) => !p.type.startsWith('message/'))
    .map(plainText)
    .join('\n');
}
