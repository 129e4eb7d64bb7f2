import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import { t } from '../../lib/i18n/t';
import { sendCommand } from '../../lib/messaging/client';
import { resetEventCursor } from '../../lib/tracking/event-cursor';
import { loadServerSettings, saveServerSettings, serverSettingsSchema } from '../../lib/tracking/server-settings';

type Note = { tone: 'ok' | 'error'; text: string } | null;

/** The rep's tracking server: address and API key, checked against the server before saving. */
export function TrackingServerForm() {
  const [url, setUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void loadServerSettings().then((settings) => {
      if (!settings) return;
      setUrl(settings.url);
      setApiKey(settings.apiKey);
    });
  }, []);

  const check = async (): Promise<v.InferOutput<typeof serverSettingsSchema> | null> => {
    const parsed = v.safeParse(serverSettingsSchema, { url, apiKey });
    if (!parsed.success) {
      setNote({ tone: 'error', text: parsed.issues[0].message });
      return null;
    }
    try {
      await sendCommand('tracking.testServer', parsed.output);
      return parsed.output;
    } catch (error) {
      setNote({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
      return null;
    }
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setNote(null);
    const settings = await check();
    if (settings) {
      const previous = await loadServerSettings();
      await saveServerSettings(settings);
      // A different server has a different feed: read it from its start.
      if (previous?.url !== settings.url || previous.apiKey !== settings.apiKey) await resetEventCursor();
      await sendCommand('tracking.sync', {}).catch(() => undefined);
      setNote({ tone: 'ok', text: t('serverSaved') });
    }
    setBusy(false);
  };

  const remove = async () => {
    await saveServerSettings(null);
    setUrl('');
    setApiKey('');
    setNote({ tone: 'ok', text: t('serverRemoved') });
  };

  return (
    <form onSubmit={save} aria-busy={busy} data-testid="server-form">
      <label class="field">
        <span>{t('serverUrl')}</span>
        <input type="url" value={url} placeholder="https://track.example.com" required onInput={(event) => setUrl(event.currentTarget.value)} data-testid="server-url" />
      </label>
      <label class="field">
        <span>{t('serverKey')}</span>
        <input type="password" value={apiKey} autoComplete="off" required onInput={(event) => setApiKey(event.currentTarget.value)} data-testid="server-key" />
      </label>
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy}>
          {t('serverSave')}
        </button>
        {url && (
          <button type="button" onClick={remove} disabled={busy}>
            {t('serverRemove')}
          </button>
        )}
      </div>
      {note && (
        <p class={note.tone === 'ok' ? 'ok' : 'field-error'} role={note.tone === 'ok' ? 'status' : 'alert'} data-testid="server-note">
          {note.text}
        </p>
      )}
    </form>
  );
}
