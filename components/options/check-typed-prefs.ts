import { NEVER_TRACK_MAX_ENTRIES, parseNeverTrack, type TrackingPrefs } from '../../lib/compose/tracking-prefs';
import { formatList } from '../../lib/i18n/format';
import { formatCount, t, tn } from '../../lib/i18n/t';

// The compose tracking card's check before it sends anything: the settings to save, or the note
// saying what to fix (every wrong entry counted, the first few named).

/** The card's fields as the rep left them. */
export interface TypedPrefs {
  trackByDefault: boolean;
  neverTrack: string;
}

export type TrackingNote = { tone: 'ok'; text: string } | { tone: 'error'; text: string; inList: boolean };

// A pasted list of 500 wrong lines would bury the note: the first few name the problem.
const NAMED_AT_MOST = 10;

export const typedFrom = (prefs: TrackingPrefs): TypedPrefs => ({
  trackByDefault: prefs.trackByDefault,
  neverTrack: prefs.neverTrack.join('\n'),
});

/** What is wrong with the typed list, or the settings to save. */
export function checkTypedPrefs(
  typed: TypedPrefs,
): { ok: true; prefs: TrackingPrefs } | { ok: false; note: TrackingNote } {
  const { entries, invalid } = parseNeverTrack(typed.neverTrack);
  if (invalid.length > 0) {
    const named = invalid.slice(0, NAMED_AT_MOST).map((entry) => t('trackingPrefsQuoted', [entry]));
    if (invalid.length > NAMED_AT_MOST) named.push(tn('trackingPrefsMore', invalid.length - NAMED_AT_MOST));
    const text = tn('trackingPrefsInvalid', invalid.length, [formatList(named)]);
    return { ok: false, note: { tone: 'error', text, inList: true } };
  }
  if (entries.length > NEVER_TRACK_MAX_ENTRIES) {
    const counts = [formatCount(NEVER_TRACK_MAX_ENTRIES), formatCount(entries.length)];
    return { ok: false, note: { tone: 'error', text: t('trackingPrefsTooMany', counts), inList: true } };
  }
  return { ok: true, prefs: { trackByDefault: typed.trackByDefault, neverTrack: entries } };
}
