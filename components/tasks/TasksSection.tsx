import { t } from '../../lib/i18n/t';
import { EmptyState } from '../ui/EmptyState';

// Tasks arrive with their own issue; until then the section tells the rep what will be here.
export function TasksSection() {
  return (
    <section aria-label={t('sectionTasks')}>
      <EmptyState title={t('tasksEmptyTitle')} body={t('tasksEmptyBody')} />
    </section>
  );
}
