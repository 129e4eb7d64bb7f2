import { t } from '../../lib/i18n/t';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { useView } from '../app/view-store-context';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNote } from '../ui/ErrorNote';
import { FolderTabs } from './FolderTabs';
import { QuickFilter } from './QuickFilter';
import { FOLDER_LABELS } from './folder-labels';

export function EmailsSection() {
  const counts = useLiveQuery('folders.counts', {});
  const folder = useView((state) => state.folder);
  const value = counts.status === 'ready' ? counts.value : undefined;
  return (
    <section class="emails" aria-label={t('sectionEmails')}>
      <FolderTabs counts={value} />
      <QuickFilter />
      {counts.status === 'error' && <ErrorNote message={counts.error.message} />}
      {value && value[folder] === 0 && <EmptyState title={t('folderEmpty', t(FOLDER_LABELS[folder]))} />}
    </section>
  );
}
