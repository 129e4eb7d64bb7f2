import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/t';
import type { TaskPage } from '../../lib/tasks/task-page';
import { countsWithout } from '../../lib/tasks/task-views';
import { useView } from '../app/view-store-context';
import { DoMode } from './DoMode';
import { QuickAdd } from './QuickAdd';
import { TaskActionsProvider } from './TaskActionsProvider';
import { TaskBulkBar } from './TaskBulkBar';
import { TaskDetail } from './TaskDetail';
import { TaskList } from './TaskList';
import { TaskRules } from './TaskRules';
import { TaskSpotlight } from './TaskSpotlight';
import { TaskViewTabs } from './TaskViewTabs';
import { useTaskClock } from './use-task-clock';

/** The Tasks tab: views with counts, quick add, the list with its keys and bulk actions, the rules, Do mode. */
export function TasksSection() {
  const clock = useTaskClock();
  const view = useView((state) => state.taskView);
  const openTaskId = useView((state) => state.openTaskId);
  const doMode = useView((state) => state.doMode);
  const [page, setPage] = useState<TaskPage | null>(null);
  const leaving = useView((state) => state.leavingTasks);
  const counts =
    page &&
    countsWithout(
      page.counts,
      page.rows.filter((row) => row.id in leaving),
      clock,
    );
  return (
    <section class="tasks" aria-label={t('sectionTasks')} data-testid="tasks-section">
      <TaskActionsProvider>
        {doMode ? (
          <DoMode />
        ) : openTaskId ? (
          <TaskDetail id={openTaskId} />
        ) : (
          <>
            {/* The task a reminder or an email's chip asked to see, picked out above the views. */}
            <TaskSpotlight />
            <TaskViewTabs counts={counts ?? undefined} />
            <QuickAdd />
            <TaskBulkBar view={view} page={page?.view === view ? page : null} />
            {/* The rules scroll with the list, below it, never taking the list's room. */}
            <div class="task-scroll">
              <TaskList view={view} clock={clock} onPage={setPage} />
              <TaskRules />
            </div>
          </>
        )}
      </TaskActionsProvider>
    </section>
  );
}
