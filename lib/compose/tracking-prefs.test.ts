import * as v from 'valibot';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  defaultTracking,
  loadTrackingPrefs,
  parseNeverTrack,
  saveTrackingPrefs,
  type TrackingChoice,
  type TrackingPrefs,
  trackingPrefsSchema,
  watchTrackingPrefs,
} from './tracking-prefs';

// 255 characters, every part of it within its own limit.
const LONG_ADDRESS = `${'a'.repeat(64)}@${['b', 'c', 'd'].map((letter) => letter.repeat(60)).join('.')}.${'e'.repeat(3)}.com`;

describe('the never-track list as the rep types it', () => {
  it.each<[string, string, string[], string[]]>([
    ['one entry a line', 'example.com\nceo@acme.io\n', ['example.com', 'ceo@acme.io'], []],
    [
      'commas, semicolons and spaces',
      'a.com, b.com;c.com  d.com\t e.com',
      ['a.com', 'b.com', 'c.com', 'd.com', 'e.com'],
      [],
    ],
    ['upper case and spaces around', '  Example.COM \n CEO@Acme.IO ', ['example.com', 'ceo@acme.io'], []],
    ['@domain is the domain', '@example.com', ['example.com'], []],
    ['each entry once, in the order first typed', 'b.com\na.com\nB.com\n@a.com', ['b.com', 'a.com'], []],
    ['a subdomain is its own entry', 'eu.example.com', ['eu.example.com'], []],
    ['a domain in another script', 'Müller.de', ['müller.de'], []],
    ['nothing typed', ' \n\n , ', [], []],
    [
      'what is neither a domain nor an address is named, as typed',
      'example.com\nAcme\nceo@\n@\n1.2.3.4\nhttps://acme.io\nfoo@bar@baz.com\n-acme.com',
      ['example.com'],
      ['Acme', 'ceo@', '@', '1.2.3.4', 'https://acme.io', 'foo@bar@baz.com', '-acme.com'],
    ],
    ['a name pasted with its address: the name is named', 'Dana dana@example.com', ['dana@example.com'], ['Dana']],
    ['an address over 254 characters', LONG_ADDRESS, [], [LONG_ADDRESS]],
  ])('%s', (_story, typed, entries, invalid) => {
    expect(parseNeverTrack(typed)).toEqual({ entries, invalid });
  });
});

describe('whether a new email starts tracked', () => {
  const on = (...neverTrack: string[]): TrackingPrefs => ({ trackByDefault: true, neverTrack });
  const off = (...neverTrack: string[]): TrackingPrefs => ({ trackByDefault: false, neverTrack });
  const never = (match: string, recipient: string): TrackingChoice => ({
    track: false,
    reason: 'neverTrack',
    match,
    recipient,
  });
  const tracked: TrackingChoice = { track: true, reason: 'default' };

  it.each<[string, string[], TrackingPrefs, TrackingChoice]>([
    ['empty list: tracked', ['dana@example.com'], on(), tracked],
    ['no recipients yet: the default', [], on('example.com'), tracked],
    ['the domain itself', ['dana@example.com'], on('example.com'), never('example.com', 'dana@example.com')],
    ['a subdomain', ['a@eu.example.com'], on('example.com'), never('example.com', 'a@eu.example.com')],
    ['a look-alike domain is not the domain', ['a@notexample.com'], on('example.com'), tracked],
    ['a domain that only ends like it', ['a@example.com.evil.io'], on('example.com'), tracked],
    ['a listed subdomain leaves its parent tracked', ['a@example.com'], on('eu.example.com'), tracked],
    ['an address: only that address', ['cfo@acme.io'], on('ceo@acme.io'), tracked],
    ['an address matches itself', ['ceo@acme.io'], on('ceo@acme.io'), never('ceo@acme.io', 'ceo@acme.io')],
    ['upper case in the recipient', ['CEO@Acme.IO'], on('ceo@acme.io'), never('ceo@acme.io', 'CEO@Acme.IO')],
    [
      'a name and address chip',
      ['Dana <Dana@Example.com>'],
      on('example.com'),
      never('example.com', 'Dana <Dana@Example.com>'),
    ],
    [
      'one listed recipient among others',
      ['a@x.io', 'b@example.com'],
      on('example.com'),
      never('example.com', 'b@example.com'),
    ],
    ['an Outlook contact without an address', ['Dana Whitfield'], on('example.com'), tracked],
    ['off by default', ['dana@example.com'], off(), { track: false, reason: 'offByDefault' }],
    [
      'off by default, a listed recipient is named',
      ['dana@example.com'],
      off('example.com'),
      never('example.com', 'dana@example.com'),
    ],
  ])('%s', (_story, recipients, prefs, choice) => {
    expect(defaultTracking(recipients, prefs)).toEqual(choice);
  });
});

describe('the stored and sent settings', () => {
  it.each<[string, unknown]>([
    ['the defaults', { trackByDefault: true, neverTrack: [] }],
    ['domains and addresses', { trackByDefault: false, neverTrack: ['example.com', 'ceo@acme.io'] }],
    ['a thousand entries', { trackByDefault: true, neverTrack: Array.from({ length: 1000 }, (_, n) => `d${n}.com`) }],
  ])('accepts %s', (_story, value) => {
    expect(v.is(trackingPrefsSchema, value)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['upper case (what parseNeverTrack never returns)', { trackByDefault: true, neverTrack: ['Example.com'] }],
    ['a leading @', { trackByDefault: true, neverTrack: ['@example.com'] }],
    ['not a domain', { trackByDefault: true, neverTrack: ['acme'] }],
    ['an entry over 254 characters', { trackByDefault: true, neverTrack: [`${'a'.repeat(250)}.com`] }],
    ['1001 entries', { trackByDefault: true, neverTrack: Array.from({ length: 1001 }, (_, n) => `d${n}.com`) }],
    ['no switch', { neverTrack: [] }],
    ['a string for the switch', { trackByDefault: 'yes', neverTrack: [] }],
  ])('refuses %s', (_story, value) => {
    expect(v.is(trackingPrefsSchema, value)).toBe(false);
  });
});

describe('saving and loading', () => {
  beforeEach(() => fakeBrowser.reset());

  it('tracks by default with an empty list until the rep saves something', async () => {
    expect(await loadTrackingPrefs()).toEqual({ trackByDefault: true, neverTrack: [] });
    await saveTrackingPrefs({ trackByDefault: false, neverTrack: ['example.com'] });
    expect(await loadTrackingPrefs()).toEqual({ trackByDefault: false, neverTrack: ['example.com'] });
  });

  it('loads a damaged stored value as the defaults, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ composeTracking: { trackByDefault: false, neverTrack: ['NOT A DOMAIN'] } });
    expect(await loadTrackingPrefs()).toEqual({ trackByDefault: true, neverTrack: [] });
    expect(warn).toHaveBeenCalledOnce();
  });

  it('refuses to store what the schema refuses', async () => {
    await expect(saveTrackingPrefs({ trackByDefault: true, neverTrack: ['acme'] })).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get('composeTracking')).toEqual({});
  });

  it('tells a watcher the new settings', async () => {
    const seen: TrackingPrefs[] = [];
    const unwatch = watchTrackingPrefs((prefs) => seen.push(prefs));
    await saveTrackingPrefs({ trackByDefault: false, neverTrack: ['acme.io'] });
    await vi.waitFor(() => expect(seen).toEqual([{ trackByDefault: false, neverTrack: ['acme.io'] }]));
    unwatch();
    await saveTrackingPrefs({ trackByDefault: true, neverTrack: [] });
    expect(seen).toHaveLength(1);
  });
});
