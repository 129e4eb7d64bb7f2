import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/t';
import { LIST_NAME_MAX } from '../../lib/lists/lists';
import { Dialog } from '../ui/Dialog';

/** Asks the new list's name; a refusal (no name, too many lists) stays in the dialog, in its words. */
export function SaveListDialog({
  onSave,
  onCancel,
}: {
  onSave: (name: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title={t('saveListTitle')}
      confirmLabel={busy ? t('saving') : t('saveList')}
      cancelLabel={t('cancel')}
      testId="save-list-dialog"
      onCancel={onCancel}
      onConfirm={() => {
        if (busy) return;
        if (!name.trim()) return setError(t('listNameNeeded'));
        setBusy(true);
        setError(null);
        onSave(name).catch((failure: unknown) => {
          setBusy(false);
          setError(failure instanceof Error ? failure.message : String(failure));
        });
      }}
    >
      <label class="field">
        {t('listName')}
        <input
          type="text"
          value={name}
          maxLength={LIST_NAME_MAX}
          data-testid="list-name"
          aria-invalid={error !== null}
          aria-describedby={error ? 'save-list-error' : undefined}
          onInput={(event) => setName(event.currentTarget.value)}
        />
      </label>
      {error && (
        <p id="save-list-error" class="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
