import { describe, expect, it } from 'vitest';
import type { TrackingPrefs } from '../compose/tracking-prefs';
import type { Recipient } from '../db/records';
import type { ComposeView, RecipientField } from '../sites/compose-view';
import type { LayoutHealth } from '../sites/health';
import { decideTracking, type TrackingDecision, type TrackingInputs } from './compose-tracking-state';

interface Situation {
  health?: LayoutHealth;
  plainText?: boolean;
  recipients?: Partial<Record<RecipientField, string[]>>;
  server?: boolean;
  prefs?: TrackingPrefs;
}

const READABLE: LayoutHealth = { status: 'ok', missing: [] };
const UNREADABLE: LayoutHealth = { status: 'degraded', missing: ['to field', 'send button'] };
const ON: TrackingPrefs = { trackByDefault: true, neverTrack: ['harborview.com'] };
const OFF: TrackingPrefs = { trackByDefault: false, neverTrack: ['harborview.com'] };

/** Only what decideTracking reads of a compose and of the rep's settings. */
function decide(situation: Situation, choice: boolean | null): TrackingDecision {
  const compose = {
    health: () => situation.health ?? READABLE,
    plainText: () => situation.plainText ?? false,
    recipients: (field: RecipientField): Recipient[] =>
      (situation.recipients?.[field] ?? []).map((address) => ({ address })),
  } as unknown as ComposeView;
  const inputs: TrackingInputs = {
    prefs: () => situation.prefs ?? ON,
    serverConfigured: () => situation.server ?? true,
    onChange: () => undefined,
  };
  return decideTracking(compose, inputs, choice);
}

const DANA = { to: ['dana@example.com'] };
const COLLEAGUE = 'jan@sales.harborview.com';
const tracked = { track: true, switchable: true };
const locked = (code: string, params?: object) => ({
  track: false,
  switchable: false,
  reason: params ? { code, params } : { code },
});
const untracked = (code: string, params?: object) => ({
  track: false,
  switchable: true,
  reason: params ? { code, params } : { code },
});

describe('whether a compose’s email is tracked, rule by rule in order', () => {
  it.each<[string, Situation, boolean | null, object]>([
    [
      'a compose we cannot read is never touched, whatever else holds',
      { health: UNREADABLE, plainText: true, server: false, recipients: DANA },
      true,
      locked('untracked.composeUnreadable', { parts: 'to field, send button' }),
    ],
    [
      'plain text cannot carry a pixel, even with no server and the rep asking',
      { plainText: true, server: false, recipients: DANA },
      true,
      locked('untracked.plainText'),
    ],
    [
      'no server: nothing to register with, even if the rep asks',
      { server: false, recipients: DANA },
      true,
      locked('untracked.noServer'),
    ],
    [
      'the rep switching it on wins over the never-track list',
      { recipients: { to: [COLLEAGUE] }, prefs: OFF },
      true,
      tracked,
    ],
    [
      'the rep switching it off wins over tracking by default',
      { recipients: DANA, prefs: ON },
      false,
      untracked('untracked.byRep'),
    ],
    [
      'a never-track recipient in Cc, with tracking on by default',
      { recipients: { to: ['dana@example.com'], cc: [COLLEAGUE] }, prefs: ON },
      null,
      untracked('untracked.neverTrack', { recipient: COLLEAGUE }),
    ],
    [
      'a never-track recipient in Bcc is named before off-by-default',
      { recipients: { bcc: [COLLEAGUE] }, prefs: OFF },
      null,
      untracked('untracked.neverTrack', { recipient: COLLEAGUE }),
    ],
    ['off by default', { recipients: DANA, prefs: OFF }, null, untracked('untracked.offByDefault')],
    ['on by default', { recipients: DANA, prefs: ON }, null, tracked],
    ['on by default before any recipient is typed', {}, null, tracked],
  ])('%s', (_case, situation, choice, expected) => {
    expect(decide(situation, choice)).toEqual(expected);
  });

  it.each<[string, Situation]>([
    ['unreadable', { health: UNREADABLE }],
    ['plain text', { plainText: true }],
    ['no server', { server: false }],
  ])('the rep cannot switch a compose that is %s either way', (_case, situation) => {
    for (const choice of [true, false, null]) {
      expect(decide(situation, choice), String(choice)).toMatchObject({ track: false, switchable: false });
    }
  });

  it('the rep can switch every other compose either way', () => {
    for (const prefs of [ON, OFF]) {
      for (const to of [['dana@example.com'], [COLLEAGUE]]) {
        for (const choice of [true, false, null]) {
          expect(decide({ recipients: { to }, prefs }, choice).switchable, `${to} ${choice}`).toBe(true);
        }
      }
    }
  });
});
