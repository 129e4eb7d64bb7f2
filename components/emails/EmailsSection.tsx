import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/t';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { type EmailSource, sourceKey } from '../../lib/store/email-source';
import { useView } from '../app/view-store-context';
import { ErrorNote } from '../ui/ErrorNote';
import { useDebounced } from '../ui/use-debounced';
import { BulkBar } from './BulkBar';
import { EmailActionsProvider } from './EmailActionsProvider';
import { EmailDetailView } from './EmailDetailView';
import { EmailList, type ListPlace } from './EmailList';
import { FolderTabs } from './FolderTabs';
import { FOLDER_LABELS } from './folder-labels';
import { NeedsAttention } from './NeedsAttention';
import { QuickFilter } from './QuickFilter';
import type { SourceWindow } from './use-source-window';

export function EmailsSection() {
  const counts = useLiveQuery('folders.counts', {});
  const folder = useView((state) => state.folder);
  const openEmailId = useView((state) => (state.openEmailIn === 'emails' ? state.openEmailId : null));
  const filter = useDebounced(
    useView((state) => state.filterText.trim()),
    200,
  );
  const [page, setPage] = useState<SourceWindow | null>(null);
  const source = useMemo<EmailSource>(() => ({ kind: 'folder', status: folder, filter }), [folder, filter]);
  const clearSelection = useView((state) => state.clearSelection);
  // A selection belongs to the result it was made in: a new filter result starts afresh.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the applied filter changes, which it does not read.
  useEffect(() => clearSelection(), [filter, clearSelection]);
  // Where the list was when an email was opened, so Back (or Escape) returns there.
  const scrollTop = useRef(0);
  const returnTo = useRef<ListPlace | undefined>(undefined);
  const lastOpen = useRef<string | null>(null);
  if (openEmailId && openEmailId !== lastOpen.current)
    returnTo.current = { source: sourceKey(source), scrollTop: scrollTop.current, emailId: openEmailId };
  lastOpen.current = openEmailId;
  return (
    <section class="emails" aria-label={t('sectionEmails')}>
      <EmailActionsProvider>
        <FolderTabs counts={counts.status === 'ready' ? counts.value : undefined} />
        {counts.status === 'error' && <ErrorNote message={counts.error.message} />}
        <NeedsAttention />
        {openEmailId ? (
          <EmailDetailView id={openEmailId} />
        ) : (
          <>
            <QuickFilter />
            <BulkBar source={source} page={page} />
            <EmailList
              source={source}
              label={t(FOLDER_LABELS[folder])}
              onPage={setPage}
              returnTo={returnTo.current}
              onScrollTop={(top) => (scrollTop.current = top)}
            />
          </>
        )}
      </EmailActionsProvider>
    </section>
  );
}
