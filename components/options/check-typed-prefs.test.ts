import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeGetMessage, type Locale } from '../../lib/i18n/chrome-i18n-fake';
import { checkTypedPrefs } from './check-typed-prefs';

const speak = (locale: Locale, tag: string) => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    fakeGetMessage(locale) as typeof fakeBrowser.i18n.getMessage,
  );
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(tag);
};
const noteFor = (neverTrack: string) => {
  const checked = checkTypedPrefs({ trackByDefault: true, neverTrack });
  return checked.ok ? undefined : checked.note.text;
};

describe('what the compose tracking card says before it saves', () => {
  beforeEach(() => speak('en', 'en'));

  it('saves a good list as the toolbar reads it', () => {
    expect(checkTypedPrefs({ trackByDefault: false, neverTrack: 'Example.com\n@acme.io' })).toEqual({
      ok: true,
      prefs: { trackByDefault: false, neverTrack: ['example.com', 'acme.io'] },
    });
  });

  it('names the one wrong entry', () => {
    expect(noteFor('example.com\nacme')).toBe(
      'Not saved: “acme” is neither a domain nor an email address. Correct or remove it, then save again.',
    );
  });

  it('names the first ten of many wrong entries and counts the rest', () => {
    const wrong = Array.from({ length: 15 }, (_, n) => `name${n + 1}`);
    expect(noteFor(wrong.join('\n'))).toBe(
      `Not saved: 15 entries are neither a domain nor an email address: ${wrong
        .slice(0, 10)
        .map((entry) => `“${entry}”`)
        .join(', ')}, and 5 more. Correct or remove them, then save again.`,
    );
  });

  it('says the list is too long, with both counts', () => {
    const domains = Array.from({ length: 1001 }, (_, n) => `d${n}.com`).join('\n');
    expect(noteFor(domains)).toBe(
      'Not saved: the list holds at most 1,000 entries and this one has 1,001. A domain covers all its addresses: list domains instead.',
    );
  });

  it('speaks the rep’s language, quotes and list included', () => {
    speak('de', 'de');
    expect(noteFor('acme corp')).toBe(
      'Nicht gespeichert: 2 Einträge sind weder eine Domain noch eine E-Mail-Adresse: „acme“ und „corp“. Korrigieren oder entfernen Sie sie und speichern Sie erneut.',
    );
  });
});
