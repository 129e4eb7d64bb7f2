/**
 * Decides which links get a click URL. Left alone: anything that is not http(s) (mailto:, tel:,
 * javascript:), links the rep opted out with Postal's `https+notrack://` scheme, unsubscribe
 * links (rewriting them hurts deliverability), and hosts in the excluded-domain list.
 * Returns the redirect target, or null for "leave this link as written".
 */
export function redirectTargetFor(link: string, untrackedDomains: string[]): string | null {
  if (/^https?\+notrack:/i.test(link)) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (/unsubscribe|opt-?out/i.test(url.pathname + url.search)) return null;
  const host = url.hostname.toLowerCase();
  if (untrackedDomains.some((d) => host === d || host.endsWith(`.${d}`))) return null;
  // The normalised form is percent-encoded, so it is always a valid Location header.
  return url.href;
}

export function domainOf(address: string): string {
  return address
    .slice(address.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase()
    .replace(/>$/, '');
}

export function isUntrackedRecipient(address: string, untrackedDomains: string[]): boolean {
  const domain = domainOf(address);
  return untrackedDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
}
