import { useState } from 'preact/hooks';
import type { FolderPage } from '../../lib/emails/folder-page';
import { t } from '../../lib/i18n/t';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { useView } from '../app/view-store-context';
import { ErrorNote } from '../ui/ErrorNote';
import { useDebounced } from '../ui/use-debounced';
import { BulkBar } from './BulkBar';
import { EmailActionsProvider } from './EmailActionsProvider';
import { EmailDetailView } from './EmailDetailView';
import { EmailList } from './EmailList';
import { FolderTabs } from './FolderTabs';
import { NeedsAttention } from './NeedsAttention';
import { QuickFilter } from './QuickFilter';

export function EmailsSection() {
  const counts = useLiveQuery('folders.counts', {});
  const folder = useView((state) => state.folder);
  const openEmailId = useView((state) => state.openEmailId);
  const filter = useDebounced(useView((state) => state.filterText.trim()), 200);
  const [page, setPage] = useState<FolderPage | null>(null);
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
            <BulkBar status={folder} page={page} />
            <EmailList status={folder} filter={filter} onPage={setPage} />
          </>
        )}
      </EmailActionsProvider>
    </section>
  );
}
