import { findHistoryStart, isInHistory } from './quoted-history';

/**
 * Words that mark an unsubscribe link, in its address or its text. Rewriting those hurts
 * deliverability and breaks one-click opt-outs (shared/reference/tracking.md, recommendation 1);
 * the server only looks at the address (server/src/tracking/link-policy.ts), so the text is ours
 * to check. Lower case; compared after lower-casing the link.
 */
export const UNSUBSCRIBE_WORDS: readonly string[] = [
  'unsubscribe',
  'opt-out',
  'optout',
  'abmelden', // de
  'austragen', // de
  'désabonner', // fr
  'desabonner', // fr, without the accent
  'désinscri', // fr: désinscrire, désinscription
  'afmelden', // nl
  'uitschrijven', // nl
  'darse de baja', // es
  'disiscriv', // it: disiscriviti, disiscrizione
];

/** http(s) only: mailto:, tel:, #anchors, javascript:, relative links and Postal's `https+notrack:` stay as written. */
const HTTP_URL = /^https?:/i;

function safelyDecoded(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

function isUnsubscribeLink(link: HTMLAnchorElement, href: string): boolean {
  const words = `${safelyDecoded(href)} ${link.textContent ?? ''}`.toLowerCase().normalize('NFC');
  return UNSUBSCRIBE_WORDS.some((word) => words.includes(word));
}

/**
 * The links of the rep's new text we may track, in body order: one per `<a>`, so a URL written
 * twice gets two click URLs. Each href is as written in the body (the server normalises it).
 */
export function findTrackableAnchors(body: HTMLElement, quotedHistory: readonly string[]): HTMLAnchorElement[] {
  const historyStart = findHistoryStart(body, quotedHistory);
  return [...body.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((link) => {
    const href = link.getAttribute('href')!.trim();
    return HTTP_URL.test(href) && !isUnsubscribeLink(link, href) && !isInHistory(link, historyStart);
  });
}

/** The hrefs to register with `POST /v1/messages` before a tracked send. */
export function findTrackableLinks(body: HTMLElement, quotedHistory: readonly string[]): string[] {
  return findTrackableAnchors(body, quotedHistory).map((link) => link.getAttribute('href')!.trim());
}
