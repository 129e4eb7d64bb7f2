import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../lib/i18n/t';
import { LIST_NAME_MAX, type ListSummary } from '../../lib/lists/lists';
import { listNoteText } from './list-note-text';

interface Props {
  list: ListSummary;
  onOpen: () => void;
  /** Resolves when renamed; rejects with the refusal to show beside the name. */
  onRename: (name: string) => Promise<void>;
  onDelete: () => void;
}

/** One saved list in the overview: its name opens it; Rename edits the name in place. */
export function ListItem({ list, onOpen, onRename, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(list.name);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (editing) input.current?.select();
    // Back from editing: focus returns to Rename, where the rep left it.
    else if (wasEditing.current) renameButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const stopEditing = () => {
    setEditing(false);
    setError(null);
  };
  const cancel = () => {
    setName(list.name);
    stopEditing();
  };

  return (
    <li class="list-item" data-testid="list-item" data-id={list.id}>
      {editing ? (
        <form
          class="list-rename"
          onSubmit={(event) => {
            event.preventDefault();
            onRename(name).then(stopEditing, (failure: unknown) =>
              setError(failure instanceof Error ? failure.message : String(failure)),
            );
          }}
        >
          <input
            ref={input}
            type="text"
            value={name}
            maxLength={LIST_NAME_MAX}
            aria-label={t('listName')}
            aria-invalid={error !== null}
            data-testid="list-rename-input"
            onInput={(event) => setName(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.preventDefault();
              event.stopPropagation();
              cancel();
            }}
          />
          <button type="submit" class="link" data-testid="list-rename-save">
            {t('save')}
          </button>
          <button type="button" class="link" onClick={cancel}>
            {t('cancel')}
          </button>
          {error && (
            <span class="field-error" role="alert">
              {error}
            </span>
          )}
        </form>
      ) : (
        <button type="button" class="list-open" data-testid="list-open" onClick={onOpen}>
          <span class="list-name" data-testid="list-name">
            {list.name}
          </span>
          <span class="list-count" data-testid="list-count">
            {tn('totalCount', list.count)}
          </span>
          {list.newCount > 0 && (
            <span class="new-badge" data-testid="list-new">
              {tn('listNewCount', list.newCount)}
            </span>
          )}
        </button>
      )}
      {list.note && (
        <p class="list-note" data-testid="list-note">
          {listNoteText(list.note)}
        </p>
      )}
      {!editing && (
        <span class="list-actions">
          <button
            ref={renameButton}
            type="button"
            class="link"
            data-testid="list-rename"
            aria-label={t('renameListNamed', list.name)}
            onClick={() => {
              setName(list.name);
              setEditing(true);
            }}
          >
            {t('rename')}
          </button>
          <button
            type="button"
            class="link danger-text"
            data-testid="list-delete"
            aria-label={t('deleteListNamed', list.name)}
            onClick={onDelete}
          >
            {t('actionDelete')}
          </button>
        </span>
      )}
    </li>
  );
}
