import { readFileSync } from 'node:fs';

// For tests (Node): a locale's real messages.json answered the way chrome.i18n.getMessage does,
// so a test sees what a rep with that browser language would. Not for the extension's bundles.

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export const LOCALES = ['en', 'de', 'nl', 'sv', 'zh_CN', 'pt_BR'] as const;
export type Locale = (typeof LOCALES)[number];

export function readMessages(locale: Locale): Record<string, MessageEntry> {
  return JSON.parse(
    readFileSync(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8'),
  ) as Record<string, MessageEntry>;
}

/**
 * chrome.i18n.getMessage over one locale: named placeholders ($ARG1$, any case) become their
 * content ("$1"), then $1…$9 take the substitutions in order, and $$ is a dollar sign.
 * A missing message is '' (as in Chrome); a placeholder without a declaration throws, because
 * Chrome would print it as it is.
 */
export function fakeGetMessage(locale: Locale): (key: string, substitutions?: string[]) => string {
  const messages = readMessages(locale);
  return (key, substitutions = []) => {
    const entry = messages[key];
    if (!entry) return '';
    const expanded = entry.message.replace(/\$([a-zA-Z0-9_@]+)\$/g, (_match, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      if (content === undefined) throw new Error(`${locale} ${key}: placeholder $${name}$ is not declared`);
      return content;
    });
    return expanded.replace(/\$(\$|[1-9])/g, (_match, what: string) =>
      what === '$' ? '$' : (substitutions[Number(what) - 1] ?? ''),
    );
  };
}
