import { t } from '../../lib/i18n/t';
import { EmptyState } from '../ui/EmptyState';

// Saved searches arrive with their own issue; until then the section tells the rep what will be here.
export function ListsSection() {
  return (
    <section aria-label={t('sectionLists')}>
      <EmptyState title={t('listsEmptyTitle')} body={t('listsEmptyBody')} />
    </section>
  );
}
