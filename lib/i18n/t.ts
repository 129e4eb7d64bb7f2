import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** Messages that depend on a count come in plural forms: `<key>_one`, `<key>_other`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/** Text in the browser's UI language (falls back to English), through the extension's _locales. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The UI language (the one the text is in), for Intl's number, date and plural rules. */
export function uiLanguage(): string {
  return browser.i18n?.getUILanguage?.() || globalThis.navigator?.language || 'en';
}

/**
 * A message with a count, in the form the UI language's plural rules pick ("1 email",
 * "2 emails"); the count, formatted for the language, is the first substitution.
 */
export function tn(key: PluralKey, count: number, more: string[] = []): string {
  const form = pluralForm(key, count, uiLanguage());
  const substitutions = [formatCount(count), ...more];
  return browser.i18n.getMessage(form, substitutions) || browser.i18n.getMessage(`${key}_other`, substitutions) || key;
}

/** The message key for `count` in `locale`; languages we ship need only "one" and "other". */
export function pluralForm(key: PluralKey, count: number, locale: string): MessageKey {
  return `${key}_${new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other'}` as MessageKey;
}

export function formatCount(count: number, locale = uiLanguage()): string {
  return new Intl.NumberFormat(locale).format(count);
}
