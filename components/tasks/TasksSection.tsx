import { t } from '../../lib/i18n/t';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { EmptyState } from '../ui/EmptyState';

// The task list itself arrives with the Tasks work; until then the section says how many open
// tasks there are (demo data has some), so it never claims there are none when there are.
export function TasksSection() {
  const overview = useLiveQuery('overview.counts', {});
  const open = overview.status === 'ready' ? overview.value.openTasks : 0;
  return (
    <section aria-label={t('sectionTasks')} data-testid="tasks-section">
      <EmptyState title={open > 0 ? t('tasksOpenCount', String(open)) : t('tasksEmptyTitle')} body={t('tasksEmptyBody')} />
    </section>
  );
}
