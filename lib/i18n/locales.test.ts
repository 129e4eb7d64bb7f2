import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const LOCALES = ['en', 'de', 'nl', 'sv', 'zh_CN', 'pt_BR'] as const;
const read = (locale: string) =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8')) as Record<
    string,
    { message: string }
  >;
const SEEDS = new URL('../../../shared/seeds/', import.meta.url);

// The seed pages (the product page we model, one language each) are the source of our folder
// names. Which seed is which language is read from its text, not from its file name.
const SEED_MARKERS: Record<Exclude<(typeof LOCALES)[number], 'en'>, string> = {
  de: 'Übersicht über das Command Center',
  nl: 'Overzicht van Command Center',
  sv: 'Översikt över kommandocentralen',
  zh_CN: '命令中心概述',
  pt_BR: 'Visão geral do Command Center',
};

const FOLDER_KEYS = [
  'tabSent',
  'folderDelivered',
  'folderArchived',
  'tabPending',
  'folderScheduled',
  'folderDraft',
  'folderSending',
  'tabUndelivered',
  'folderFailed',
  'folderBounced',
  'folderSpam',
] as const;

const placeholders = (message: string) => [...message.matchAll(/\$ARG\d\$/g)].map((match) => match[0]).sort();

describe('locales', () => {
  const english = read('en');

  it.each(LOCALES)('%s has every message, none empty, with the same placeholders', (locale) => {
    const messages = read(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, entry] of Object.entries(messages)) {
      expect(entry.message.trim(), key).not.toBe('');
      // A singular form may leave the count out ("the only email"); it never adds a placeholder.
      if (key.endsWith('_one')) {
        const other = placeholders(english[key.replace(/_one$/, '_other')]!.message);
        for (const used of placeholders(entry.message)) expect(other, key).toContain(used);
      } else {
        expect(placeholders(entry.message), key).toEqual(placeholders(english[key]!.message));
      }
    }
  });

  it.each(Object.entries(SEED_MARKERS))('%s folder names are the ones its seed page uses', (locale, marker) => {
    if (!existsSync(SEEDS))
      throw new Error(`The seed pages are missing: expected ${SEEDS.pathname} (shared/ beside the checkout).`);
    const seed = readdirSync(SEEDS)
      .map((file) => readFileSync(new URL(file, SEEDS), 'utf8'))
      .find((text) => text.includes(marker));
    expect(seed, `no seed page contains "${marker}"`).toBeDefined();
    const messages = read(locale);
    for (const key of FOLDER_KEYS) expect(seed, `${locale} ${key}`).toContain(messages[key]!.message);
  });
});
