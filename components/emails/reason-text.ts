import { browser } from 'wxt/browser';
import type { Reason } from '../../lib/emails/reason';
import { formatNumber } from '../../lib/i18n/format';
import type { MessageKey } from '../../lib/i18n/t';
import { REASON_MESSAGES } from './reason-messages';

/** Where messages come from: chrome.i18n in the extension, a messages.json in tests. */
export interface MessageSource {
  /** '' when there is no such message (what chrome.i18n.getMessage answers). */
  getMessage(key: MessageKey, substitutions: string[]): string;
  /** How numbers are written (BCP 47). */
  locale: string;
}

const browserMessages = (): MessageSource => ({
  getMessage: (key, substitutions) => browser.i18n.getMessage(key, substitutions),
  locale: globalThis.navigator?.language ?? 'en',
});

/**
 * A reason in the rep's language: the message of its code with the parameters in the message's
 * order, then the detail as it came. Without a code, for a code this version does not know (a
 * newer server), or when a parameter the message needs is missing (or is a code this version
 * cannot say), the stored English text.
 */
export function reasonText(reason: Reason, source: MessageSource = browserMessages()): string {
  const known = reason.code === undefined ? undefined : REASON_MESSAGES.get(reason.code);
  if (!known) return reason.text;
  const variant = known.variants?.keys[String(reason.params?.[known.variants.param])];
  const special = variant ? source.getMessage(variant, []) : '';
  if (special) return special;
  const values: string[] = [];
  const saidCodes: string[] = [];
  for (const name of known.params) {
    const value = reason.params?.[name];
    if (known.codeParams?.[name]) {
      const said = codeParamText(reason, name, source);
      if (!said) return reason.text;
      values.push(said);
      saidCodes.push(said);
    } else if (typeof value === 'number' && Number.isFinite(value)) values.push(formatNumber(value, source.locale));
    else if (typeof value === 'string') values.push(value);
    else return reason.text;
  }
  let message = source.getMessage(known.key, values);
  if (!message) return reason.text;
  // A report without an enhanced status leaves no empty brackets behind.
  message = message.replace(/\s*(\(\)|（）)/g, '');
  // A reason said first starts the sentence ("mailbox full" → "Mailbox full (5.2.2); …").
  if (saidCodes.some((said) => message.startsWith(said)))
    message = message.charAt(0).toLocaleUpperCase(source.locale) + message.slice(1);
  return reason.detail ? `${message} — ${reason.detail}` : message;
}

/**
 * A parameter that is itself a code (a bounce's `reason`), in the rep's language: '' when the
 * code's message does not list the parameter as a code, the value is unknown here, or the browser
 * has no message for it.
 */
export function codeParamText(reason: Reason, param: string, source: MessageSource = browserMessages()): string {
  const keys = reason.code === undefined ? undefined : REASON_MESSAGES.get(reason.code)?.codeParams?.[param];
  const value = reason.params?.[param];
  if (!keys || typeof value !== 'string' || !Object.hasOwn(keys, value)) return '';
  return source.getMessage(keys[value] as MessageKey, []);
}

/**
 * A delivery warning as its row says it: "mailbox full, 10:42; the relay will retry". A warning
 * whose reason is not a code said here (an older server's soft bounce) says its whole reason.
 */
export function warningRowText(reason: Reason, time: string, source: MessageSource = browserMessages()): string {
  const { detail: _detail, ...withoutDetail } = reason;
  const said = codeParamText(reason, 'reason', source) || reasonText(withoutDetail, source);
  return source.getMessage('deliveryWarningRow', [said, time]) || `${said}, ${time}`;
}
