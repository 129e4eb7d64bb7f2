// The webmail hosts we dock into. Outlook on the web answers on three hosts
// (webmail-dom.md §2.1: outlook.live.com, outlook.office.com, outlook.office365.com).
export const GMAIL_HOST_PATTERNS = ['https://mail.google.com/*'] as const;
export const OUTLOOK_HOST_PATTERNS = [
  'https://outlook.live.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
] as const;
export const MAIL_HOST_PATTERNS = [...GMAIL_HOST_PATTERNS, ...OUTLOOK_HOST_PATTERNS] as const;

const MAIL_ORIGINS = new Set(MAIL_HOST_PATTERNS.map((pattern) => pattern.replace(/\/\*$/, '')));

/** True when `url` is a page on one of the webmail hosts we serve. */
export function isMailUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return MAIL_ORIGINS.has(new URL(url).origin);
  } catch {
    return false;
  }
}
