import { useCallback, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/t';
import { sendCommand } from '../../lib/messaging/client';
import { type EmailSource, sourceKey } from '../../lib/store/email-source';
import { useView } from '../app/view-store-context';
import { EmailActionsProvider } from '../emails/EmailActionsProvider';
import { EmailDetailView } from '../emails/EmailDetailView';
import type { ListPlace } from '../emails/EmailList';
import { TabList } from '../ui/TabList';
import { Toast, type ToastMessage } from '../ui/Toast';
import { ListMembers } from './ListMembers';
import { ListsOverview } from './ListsOverview';
import { SearchView } from './SearchView';

/**
 * Lists (saved searches) and the advanced search they come from: every list, one list's members,
 * or the builder. An email opened from a list or a search shows here, and Back returns to its row.
 */
export function ListsSection() {
  const view = useView((state) => state.listsView);
  const showView = useView((state) => state.showListsView);
  const query = useView((state) => state.searchQuery);
  const openEmailId = useView((state) => (state.openEmailIn === 'lists' ? state.openEmailId : null));
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const show = useCallback(
    (text: string, tone: ToastMessage['tone'] = 'info', action?: ToastMessage['action']) =>
      setToast({ id: Date.now(), text, tone, ...(action ? { action } : {}) }),
    [],
  );
  // Where the rows were when an email was opened, so Back (or Escape) returns there.
  const scrollTop = useRef(0);
  const returnTo = useRef<ListPlace | undefined>(undefined);
  const lastOpen = useRef<string | null>(null);
  const source: EmailSource | null =
    view.kind === 'list' ? { kind: 'list', id: view.id } : view.kind === 'search' ? { kind: 'search', query } : null;
  if (openEmailId && openEmailId !== lastOpen.current && source)
    returnTo.current = { source: sourceKey(source), scrollTop: scrollTop.current, emailId: openEmailId };
  lastOpen.current = openEmailId;
  const onScrollTop = (top: number) => {
    scrollTop.current = top;
  };
  const failed = (message: string) => show(t('errorGeneric', message), 'error');

  return (
    <section class="lists-section" aria-label={t('sectionLists')}>
      <EmailActionsProvider>
        <TabList
          variant="secondary"
          label={t('sectionLists')}
          selected={view.kind === 'search' ? 'search' : 'overview'}
          onSelect={(key) => showView({ kind: key })}
          testId="lists-tabs"
          items={[
            { key: 'overview', name: t('savedLists'), label: t('savedLists') },
            { key: 'search', name: t('advancedSearch'), label: t('advancedSearch') },
          ]}
        />
        {openEmailId ? (
          <EmailDetailView id={openEmailId} />
        ) : view.kind === 'search' ? (
          <SearchView
            returnTo={returnTo.current}
            onScrollTop={onScrollTop}
            onSaved={(id, name) => {
              show(t('listSaved', name));
              showView({ kind: 'overview' });
              focusListSoon(id);
            }}
          />
        ) : view.kind === 'list' ? (
          <ListMembers
            id={view.id}
            returnTo={returnTo.current}
            onScrollTop={onScrollTop}
            onBack={() => {
              const id = view.id;
              showView({ kind: 'overview' });
              focusListSoon(id);
            }}
          />
        ) : (
          <ListsOverview
            onOpen={(id) => showView({ kind: 'list', id })}
            onNewSearch={() => showView({ kind: 'search' })}
            onError={failed}
            onDeleted={(id, name) =>
              show(t('listDeleted', name), 'info', {
                label: t('undo'),
                run: () =>
                  void sendCommand('lists.restore', { id })
                    .then(() => show(t('listRestored', name)))
                    .catch((failure: unknown) => failed(failure instanceof Error ? failure.message : String(failure))),
              })
            }
          />
        )}
      </EmailActionsProvider>
      <Toast toast={toast} onDismiss={() => setToast(null)} />
    </section>
  );
}

/** Focus on a list's row once the overview shows it (just saved, or back from its members). */
function focusListSoon(id: string, tries = 20): void {
  const button = document.querySelector<HTMLElement>(
    `[data-testid="list-item"][data-id="${CSS.escape(id)}"] .list-open`,
  );
  if (button) button.focus();
  else if (tries > 0) setTimeout(() => focusListSoon(id, tries - 1), 50);
}
