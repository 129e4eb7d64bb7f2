import { t } from '../../lib/i18n/t';
import { sendCommand } from '../../lib/messaging/client';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNote } from '../ui/ErrorNote';
import { ListItem } from './ListItem';

interface Props {
  onOpen: (id: string) => void;
  onNewSearch: () => void;
  /** A list was deleted: the section offers Undo. */
  onDeleted: (id: string, name: string) => void;
  onError: (message: string) => void;
}

/** Every saved list, newest first, with its size, its "new" badge and any note; live. */
export function ListsOverview({ onOpen, onNewSearch, onDeleted, onError }: Props) {
  const lists = useLiveQuery('lists.all', {});
  if (lists.status === 'error') return <ErrorNote message={lists.error.message} />;
  if (lists.status === 'loading') return <div class="lists-overview" aria-busy="true" />;
  if (lists.value.length === 0)
    return (
      <div class="lists-overview" data-testid="lists-overview">
        <EmptyState title={t('listsEmptyTitle')} body={t('listsEmptyBody')} />
        <p class="lists-start">
          <button type="button" class="primary-button" data-testid="lists-new-search" onClick={onNewSearch}>
            {t('newSearch')}
          </button>
        </p>
      </div>
    );
  return (
    <div class="lists-overview" data-testid="lists-overview">
      <ul class="lists" aria-label={t('sectionLists')}>
        {lists.value.map((list) => (
          <ListItem
            key={list.id}
            list={list}
            onOpen={() => onOpen(list.id)}
            onRename={async (name) => {
              await sendCommand('lists.rename', { id: list.id, name });
            }}
            onDelete={() =>
              void sendCommand('lists.delete', { id: list.id })
                .then(() => onDeleted(list.id, list.name))
                .catch((failure: unknown) => onError(failure instanceof Error ? failure.message : String(failure)))
            }
          />
        ))}
      </ul>
    </div>
  );
}
