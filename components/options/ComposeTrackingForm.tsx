import { useEffect, useState } from 'preact/hooks';
import { loadTrackingPrefs, type TrackingPrefs, watchTrackingPrefs } from '../../lib/compose/tracking-prefs';
import { t, tn } from '../../lib/i18n/t';
import { sendCommand } from '../../lib/messaging/client';
import { checkTypedPrefs, type TrackingNote, type TypedPrefs, typedFrom } from './check-typed-prefs';

/** Track by default and the never-track list, which the compose toolbar starts from. */
export function ComposeTrackingForm() {
  const [saved, setSaved] = useState<TrackingPrefs | null>(null);
  // What the rep changed and has not saved; null while the form shows what is saved, so a change
  // made elsewhere (another options tab) shows here, and never overwrites what the rep is typing.
  const [draft, setDraft] = useState<TypedPrefs | null>(null);
  const [note, setNote] = useState<TrackingNote | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    // A change seen by the watcher is newer than what the first read returns.
    void loadTrackingPrefs().then((prefs) => setSaved((current) => current ?? prefs));
    return watchTrackingPrefs(setSaved);
  }, []);

  const shown = draft ?? (saved && typedFrom(saved));
  const change = (typed: TypedPrefs) => {
    setDraft(typed);
    // "Saved" no longer describes the form; an error still names what to fix.
    setNote((current) => (current?.tone === 'ok' ? null : current));
  };

  // The background writes the settings (ARCHITECTURE.md, protocol: settings); nothing is sent
  // while an entry is wrong, so a half-right list never replaces the saved one.
  const save = async (event: Event) => {
    event.preventDefault();
    if (!shown) return;
    const checked = checkTypedPrefs(shown);
    if (!checked.ok) return setNote(checked.note);
    setBusy(true);
    setNote(null);
    try {
      await sendCommand('settings.setTrackingPrefs', { prefs: checked.prefs });
      setSaved(checked.prefs);
      setDraft(null);
      setNote({ tone: 'ok', text: tn('trackingPrefsSaved', checked.prefs.neverTrack.length) });
    } catch (error) {
      console.info('[command-center] compose tracking settings not saved:', error);
      setNote({ tone: 'error', text: t('trackingPrefsSaveFailed'), inList: false });
    }
    setBusy(false);
  };

  const listInvalid = note?.tone === 'error' && note.inList;
  return (
    <form onSubmit={save} aria-busy={busy} noValidate data-testid="compose-tracking-form">
      <label class="check">
        <input
          type="checkbox"
          checked={shown?.trackByDefault ?? true}
          disabled={!shown || busy}
          onChange={(event) => shown && change({ ...shown, trackByDefault: event.currentTarget.checked })}
          data-testid="track-by-default"
        />
        <span>{t('trackingPrefsByDefault')}</span>
      </label>
      <label class="field">
        <span>{t('trackingPrefsNeverTrack')}</span>
        <textarea
          rows={6}
          value={shown?.neverTrack ?? ''}
          disabled={!shown || busy}
          spellcheck={false}
          autoCapitalize="none"
          aria-invalid={listInvalid}
          aria-describedby={listInvalid ? 'never-track-help compose-tracking-note' : 'never-track-help'}
          onInput={(event) => shown && change({ ...shown, neverTrack: event.currentTarget.value })}
          data-testid="never-track"
        />
      </label>
      <p id="never-track-help" class="field-help">
        {t('trackingPrefsNeverTrackHelp')}
      </p>
      <div class="buttons">
        <button type="submit" class="primary" disabled={!shown || busy}>
          {busy ? t('trackingPrefsSaving') : t('trackingPrefsSave')}
        </button>
      </div>
      {note && (
        <p
          id="compose-tracking-note"
          class={`note note-${note.tone}`}
          role={note.tone === 'error' ? 'alert' : 'status'}
          data-testid="compose-tracking-note"
        >
          {note.text}
        </p>
      )}
    </form>
  );
}
