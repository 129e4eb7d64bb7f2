import * as v from 'valibot';

// What our fixture pages post when a message leaves Undo Send's window, read back as the message
// a rep sent. Both request shapes are the fixtures' own, documented at the top of each page's
// script (tests/fixtures/webmail/gmail/inbox.html, outlook/mail.html).

export type WebmailSite = 'gmail' | 'outlook';

export interface WebmailSend {
  site: WebmailSite;
  url: string;
  /** Request headers as the browser sent them, names lower-cased. */
  headers: Record<string, string>;
  /** The request body exactly as posted. */
  body: string;
  /** The message body as HTML; null when it went as plain text. */
  html: string | null;
  /** The message body as plain text (Gmail's plain text mode); null when it went as HTML. */
  text: string | null;
  /** Recipient addresses, in the compose's order. */
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  /** Date.now() when the request arrived: tells a send inside the Undo window from one after it. */
  receivedAt: number;
}

export interface RawRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Which webmail's send endpoint `method url` is, if it is one. */
export function sendEndpointOf(method: string, url: string, outlookHosts: readonly string[]): WebmailSite | undefined {
  if (method !== 'POST') return undefined;
  const { protocol, host, pathname, searchParams } = new URL(url);
  if (protocol !== 'https:') return undefined;
  // Gmail's sync API, /sync/u/N/i/s (webmail-dom.md §1.6: InboxSDK's regex, 2026).
  if (host === 'mail.google.com' && /^\/sync\/u\/\d+\/i\/s$/.test(pathname)) return 'gmail';
  if (outlookHosts.includes(host) && pathname === '/owa/service.svc' && searchParams.get('action') === 'CreateItem')
    return 'outlook';
  return undefined;
}

const gmailPerson = v.object({ email: v.string(), name: v.string() });
const gmailRequest = v.object({
  '2': v.object({
    '1': v.array(
      v.object({
        '1': v.string(),
        '2': v.object({
          labels: v.array(v.string()),
          to: v.array(gmailPerson),
          cc: v.array(gmailPerson),
          bcc: v.array(gmailPerson),
          subject: v.string(),
          body: v.variant('ishtml', [
            v.object({ ishtml: v.literal(1), html: v.string() }),
            v.object({ ishtml: v.literal(0), text: v.string() }),
          ]),
        }),
      }),
    ),
  }),
});

const exchangeRecipients = v.array(v.object({ EmailAddress: v.string(), Name: v.string() }));
const outlookRequest = v.object({
  __type: v.literal('CreateItemJsonRequest:#Exchange'),
  Body: v.object({
    Items: v.array(
      v.object({
        Subject: v.string(),
        Body: v.object({ BodyType: v.picklist(['HTML', 'Text']), Value: v.string() }),
        ToRecipients: exchangeRecipients,
        CcRecipients: exchangeRecipients,
        BccRecipients: exchangeRecipients,
      }),
    ),
    MessageDisposition: v.string(),
  }),
});

type SentMessage = Pick<WebmailSend, 'html' | 'text' | 'to' | 'cc' | 'bcc' | 'subject'>;
export type ParsedSend = { ok: true; message: SentMessage } | { ok: false; reason: string };

const addresses = (people: readonly { email: string }[]) => people.map((person) => person.email);
const exchangeAddresses = (people: readonly { EmailAddress: string }[]) => people.map((person) => person.EmailAddress);

/** The message a send request carries, or why it carries none (malformed, or a draft save). */
export function parseSendBody(site: WebmailSite, body: string): ParsedSend {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  if (site === 'gmail') {
    const parsed = v.safeParse(gmailRequest, json);
    if (!parsed.success) return { ok: false, reason: `unexpected Gmail JSON: ${v.summarize(parsed.issues)}` };
    // A message labelled ^pfg is a send; ^r is a draft save (webmail-dom.md §1.6).
    const sent = parsed.output['2']['1'].find((message) => message['2'].labels.includes('^pfg'))?.['2'];
    if (!sent) return { ok: false, reason: 'no message labelled ^pfg (not a send)' };
    return {
      ok: true,
      message: {
        html: 'html' in sent.body ? sent.body.html : null,
        text: 'text' in sent.body ? sent.body.text : null,
        to: addresses(sent.to),
        cc: addresses(sent.cc),
        bcc: addresses(sent.bcc),
        subject: sent.subject,
      },
    };
  }
  const parsed = v.safeParse(outlookRequest, json);
  if (!parsed.success) return { ok: false, reason: `unexpected CreateItem JSON: ${v.summarize(parsed.issues)}` };
  const item = parsed.output.Body.Items[0];
  // SendAndSaveCopy sends; SaveOnly would be a draft save.
  if (parsed.output.Body.MessageDisposition !== 'SendAndSaveCopy' || !item)
    return { ok: false, reason: `MessageDisposition ${parsed.output.Body.MessageDisposition} (not a send)` };
  const isHtml = item.Body.BodyType === 'HTML';
  return {
    ok: true,
    message: {
      html: isHtml ? item.Body.Value : null,
      text: isHtml ? null : item.Body.Value,
      to: exchangeAddresses(item.ToRecipients),
      cc: exchangeAddresses(item.CcRecipients),
      bcc: exchangeAddresses(item.BccRecipients),
      subject: item.Subject,
    },
  };
}

/** The sends one browser context's webmail pages made, for tests to assert on. */
export interface WebmailSends {
  /** Every send received, in order. */
  readonly all: readonly WebmailSend[];
  /** Requests to a send endpoint that carried no send, with the reason (a fixture or parser bug). */
  readonly rejected: readonly { url: string; reason: string }[];
  /** Resolves with `all` once it holds at least `count` sends; rejects after `timeoutMs` saying what came. */
  waitForCount(count: number, timeoutMs?: number): Promise<readonly WebmailSend[]>;
}

export interface SendRecorder extends WebmailSends {
  record(site: WebmailSite, request: RawRequest): void;
}

export function createSendRecorder(now: () => number = Date.now): SendRecorder {
  const all: WebmailSend[] = [];
  const rejected: { url: string; reason: string }[] = [];
  const waiters = new Set<() => void>();
  return {
    all,
    rejected,
    record(site, request) {
      const parsed = parseSendBody(site, request.body);
      if (parsed.ok) all.push({ site, ...request, ...parsed.message, receivedAt: now() });
      else rejected.push({ url: request.url, reason: parsed.reason });
      for (const wake of waiters) wake();
    },
    waitForCount(count, timeoutMs = 10_000) {
      if (all.length >= count) return Promise.resolve(all);
      return new Promise((resolve, reject) => {
        const wake = () => {
          if (all.length < count) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(all);
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          const problems = rejected.map((request) => `; ${request.url}: ${request.reason}`).join('');
          reject(new Error(`expected ${count} webmail send(s) within ${timeoutMs} ms, got ${all.length}${problems}`));
        }, timeoutMs);
        waiters.add(wake);
      });
    },
  };
}
