import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/t';
import { sendCommand } from '../../lib/messaging/client';
import type { ServerCheck, ServerCheckFailure } from '../../lib/tracking/check-connection';
import { describeCheckFailure } from '../../lib/tracking/problem-text';
import {
  checkServerSettings,
  loadServerSettings,
  type ServerSettings,
  watchServerSettings,
} from '../../lib/tracking/server-settings';
import { type Note, ServerNote } from './ServerNote';

const errorNote = (failure: ServerCheckFailure): Note => {
  console.info('[command-center] the tracking server check failed:', failure.problem, failure.detail);
  return {
    tone: 'error',
    text: describeCheckFailure(failure),
    detail: failure.detail,
    field: failure.field,
    problem: failure.problem,
  };
};

/** Checks what the rep typed (here first, then against the server, in the background). */
async function checkTyped(
  url: string,
  apiKey: string,
): Promise<{ ok: true; settings: ServerSettings } | { ok: false; note: Note }> {
  const typed = checkServerSettings({ url, apiKey });
  if (!typed.ok)
    return {
      ok: false,
      note: errorNote({ ok: false, problem: typed.problem, field: typed.field, detail: typed.message }),
    };
  let check: ServerCheck;
  try {
    check = await sendCommand('tracking.checkConnection', typed.settings);
  } catch (error) {
    // The background did not answer or refused the command: nothing to do with the server.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, note: { tone: 'error', text: t('optionsProblemInternal'), detail } };
  }
  return check.ok ? { ok: true, settings: typed.settings } : { ok: false, note: errorNote(check) };
}

/** The rep's tracking server: address and API key, checked against the server before saving. */
export function TrackingServerForm() {
  const [url, setUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  // What is saved, not what is typed: only that can be disconnected.
  const [saved, setSaved] = useState<ServerSettings | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void loadServerSettings().then((settings) => {
      setSaved(settings);
      if (!settings) return;
      setUrl(settings.url);
      setApiKey(settings.apiKey);
    });
    return watchServerSettings(() => void loadServerSettings().then(setSaved));
  }, []);

  // The background saves the settings (and starts a new server's feed from its start): it may be
  // pulling from the old server right now, and only it can wait for that pull to finish.
  const connect = async (settings: ServerSettings) => {
    await sendCommand('tracking.setServer', { server: settings });
    setSaved(settings);
    setUrl(settings.url);
    setApiKey(settings.apiKey);
    setNote({ tone: 'ok', text: t('serverSaved') });
    await sendCommand('tracking.sync', {}).catch(() => undefined);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setNote(null);
    const checked = await checkTyped(url, apiKey);
    if (checked.ok) await connect(checked.settings);
    else setNote(checked.note);
    setBusy(false);
  };

  // No question asked: the fields keep what was saved, and Undo (or Check and save) restores it.
  const disconnect = async () => {
    if (!saved) return;
    const previous = saved;
    await sendCommand('tracking.setServer', { server: null });
    setSaved(null);
    setNote({ tone: 'disconnected', previous });
    await sendCommand('tracking.sync', {}).catch(() => undefined); // clears the sidebar's sync mark
  };

  const undo = async (previous: ServerSettings) => {
    setBusy(true);
    await connect(previous);
    setBusy(false);
  };

  const invalid = note?.tone === 'error' ? note.field : undefined;
  return (
    <form onSubmit={save} aria-busy={busy} noValidate data-testid="server-form">
      <label class="field">
        <span>{t('serverUrl')}</span>
        <input
          type="url"
          value={url}
          placeholder="https://track.example.com"
          required
          aria-invalid={invalid === 'url'}
          aria-describedby={invalid === 'url' ? 'server-note' : undefined}
          onInput={(event) => setUrl(event.currentTarget.value)}
          data-testid="server-url"
        />
      </label>
      <label class="field">
        <span>{t('serverKey')}</span>
        <input
          type="password"
          value={apiKey}
          autoComplete="off"
          required
          aria-invalid={invalid === 'apiKey'}
          aria-describedby={invalid === 'apiKey' ? 'server-note' : undefined}
          onInput={(event) => setApiKey(event.currentTarget.value)}
          data-testid="server-key"
        />
      </label>
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('optionsChecking') : t('serverSave')}
        </button>
        {saved && (
          <button type="button" onClick={disconnect} disabled={busy} data-testid="server-disconnect">
            {t('serverRemove')}
          </button>
        )}
      </div>
      {note && <ServerNote note={note} onUndo={undo} />}
    </form>
  );
}
