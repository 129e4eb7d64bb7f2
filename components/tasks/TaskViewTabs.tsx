import { t } from '../../lib/i18n/t';
import { TASK_VIEWS, type TaskCounts } from '../../lib/tasks/task-views';
import { useView } from '../app/view-store-context';
import { Count } from '../ui/Count';
import { TabList } from '../ui/TabList';
import { TASK_VIEW_LABELS } from './task-labels';

/** Overdue, Today, Tomorrow, Next 7 days, All open, Completed, each with its live count. */
export function TaskViewTabs({ counts }: { counts: TaskCounts | undefined }) {
  const view = useView((state) => state.taskView);
  const showTaskView = useView((state) => state.showTaskView);
  return (
    <TabList
      variant="secondary"
      label={t('taskViewsLabel')}
      selected={view}
      onSelect={showTaskView}
      testId="task-views"
      items={TASK_VIEWS.map((key) => ({
        key,
        name: `${t(TASK_VIEW_LABELS[key])} ${counts?.[key] ?? ''}`.trim(),
        label: (
          <>
            <span>{t(TASK_VIEW_LABELS[key])}</span>
            <Count value={counts?.[key]} testId={`task-count-${key}`} />
          </>
        ),
      }))}
    />
  );
}
