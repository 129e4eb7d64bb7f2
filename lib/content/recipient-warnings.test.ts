import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeGetMessage, type Locale } from '../i18n/chrome-i18n-fake';
import type { AddressStanding } from '../people/address-standing';
import { recipientWarningText } from '../people/standing-text';
import { recipientWarnings } from './recipient-warnings';

function speak(locale: Locale) {
  const getMessage = fakeGetMessage(locale);
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string, substitutions?: string | string[]) =>
    getMessage(key, ([] as string[]).concat(substitutions ?? []))) as typeof browser.i18n.getMessage);
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(locale.replace('_', '-'));
}
beforeEach(() => speak('en'));

const AT = Date.UTC(2026, 10, 25, 10);
const bounced = (address: string, params?: Record<string, string>): AddressStanding => ({
  address,
  bounced: {
    at: AT,
    emailId: 'e1',
    reason: 'bounce: hard bounce',
    reasonCode: 'bounce.hardReason',
    ...(params ? { reasonParams: params } : {}),
  },
});
const complained = (address: string): AddressStanding => ({
  address,
  complained: { at: AT, emailId: 'e1', reason: 'complaint', reasonCode: 'complaint.arf' },
});

describe('the compose warning about recipients', () => {
  it('says which address bounced, when and why, in the rep’s language', () => {
    const dana = bounced('dana@example.com', { reason: 'userUnknown', status: '5.1.1' });
    expect(recipientWarningText([dana])).toBe(
      'dana@example.com bounced on Nov 25, 2026: user unknown (5.1.1). Check the address before you send.',
    );
    speak('de');
    expect(recipientWarningText([dana])).toBe(
      'dana@example.com kam am 25.11.2026 als unzustellbar zurück: Empfänger unbekannt (5.1.1). Prüfen Sie die Adresse vor dem Senden.',
    );
  });

  it('says a bounce without a reason this version knows plainly, and several bounces as a count and a list', () => {
    expect(recipientWarningText([bounced('ann@example.com')])).toBe(
      'ann@example.com bounced on Nov 25, 2026. Check the address before you send.',
    );
    expect(
      recipientWarningText([bounced('ann@example.com'), bounced('bob@example.com', { reason: 'hostUnknown' })]),
    ).toBe('2 addresses bounced before: ann@example.com and bob@example.com.');
  });

  it('says complaints apart, and nothing when no address is marked', () => {
    expect(recipientWarningText([complained('cy@example.com'), bounced('ann@example.com')])).toBe(
      'ann@example.com bounced on Nov 25, 2026. Check the address before you send. cy@example.com reported your mail as spam on Nov 25, 2026.',
    );
    expect(recipientWarningText([])).toBe('');
  });
});

describe('looking the addresses up as the rep types', () => {
  it('asks once per set of addresses, shows only the newest answer and clears when the addresses are gone', async () => {
    const asked: string[][] = [];
    const answers: ((standings: AddressStanding[]) => void)[] = [];
    const shown: string[] = [];
    const check = recipientWarnings(
      (addresses) => {
        asked.push(addresses);
        return new Promise((resolve) => answers.push(resolve));
      },
      (text) => shown.push(text),
    );
    check(['Dana@Example.com ']);
    check(['dana@example.com']);
    expect(asked).toEqual([['dana@example.com']]);
    check(['dana@example.com', 'ann@example.com']);
    expect(asked[1]).toEqual(['ann@example.com', 'dana@example.com']);
    // The answer for the first set comes after the second was asked: it is dropped.
    answers[0]?.([bounced('dana@example.com')]);
    answers[1]?.([bounced('ann@example.com')]);
    await Promise.resolve();
    await Promise.resolve();
    expect(shown).toEqual(['ann@example.com bounced on Nov 25, 2026. Check the address before you send.']);
    check([]);
    expect(shown.at(-1)).toBe('');
  });

  it('asks again after a failed lookup instead of saying all is well', async () => {
    let calls = 0;
    const shown: string[] = [];
    const check = recipientWarnings(
      () =>
        ++calls === 1 ? Promise.reject(new Error('worker asleep')) : Promise.resolve([bounced('ann@example.com')]),
      (text) => shown.push(text),
    );
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    check(['ann@example.com']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown).toEqual([]);
    check(['ann@example.com']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBe(2);
    expect(shown).toHaveLength(1);
  });
});
