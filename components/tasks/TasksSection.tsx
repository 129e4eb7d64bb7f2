import { t, tn } from '../../lib/i18n/t';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { EmptyState } from '../ui/EmptyState';

// The task list itself arrives with the Tasks work; until then the section says how many open
// tasks are kept (demo data has some) as plain text, with nothing that looks like it can be opened.
export function TasksSection() {
  const overview = useLiveQuery('overview.counts', {});
  const open = overview.status === 'ready' ? overview.value.openTasks : 0;
  return (
    <section aria-label={t('sectionTasks')} data-testid="tasks-section">
      {open > 0 ? (
        <EmptyState title={t('tasksComingTitle')} body={tn('tasksWaiting', open)} />
      ) : (
        <EmptyState title={t('tasksEmptyTitle')} body={t('tasksEmptyBody')} />
      )}
    </section>
  );
}
