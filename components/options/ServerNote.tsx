import { t } from '../../lib/i18n/t';
import type { CheckProblem } from '../../lib/tracking/check-connection';
import type { ServerSettings } from '../../lib/tracking/server-settings';

export type Note =
  | { tone: 'ok'; text: string }
  /** `detail` is the technical reason in English: in the tooltip, for whoever runs the server. */
  | { tone: 'error'; text: string; detail: string; field?: keyof ServerSettings; problem?: CheckProblem }
  | { tone: 'disconnected'; previous: ServerSettings };

/** The one line under the server form: what the last check or action did. */
export function ServerNote({ note, onUndo }: { note: Note; onUndo: (previous: ServerSettings) => void }) {
  if (note.tone === 'error') {
    return (
      <p
        id="server-note"
        class="note note-error"
        role="alert"
        title={note.detail}
        data-problem={note.problem}
        data-testid="server-note"
      >
        {note.text}
      </p>
    );
  }
  if (note.tone === 'ok') {
    return (
      <p id="server-note" class="note note-ok" role="status" data-testid="server-note">
        {note.text}
      </p>
    );
  }
  return (
    <p id="server-note" class="note" role="status" data-testid="server-note">
      <span>{t('serverRemoved')}</span>
      <button type="button" class="link" onClick={() => onUndo(note.previous)} data-testid="server-undo">
        {t('undo')}
      </button>
    </p>
  );
}
