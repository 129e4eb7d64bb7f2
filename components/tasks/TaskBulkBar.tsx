import { formatCount, t } from '../../lib/i18n/t';
import type { TaskPage } from '../../lib/tasks/task-page';
import type { TaskView } from '../../lib/tasks/task-views';
import { useView } from '../app/view-store-context';
import { useTaskActions } from './TaskActionsProvider';

/**
 * With tasks selected: complete or reschedule exactly those. Without: select the page's tasks,
 * move every overdue task to today (in Overdue), or start Do mode.
 */
export function TaskBulkBar({ view, page }: { view: TaskView; page: TaskPage | null }) {
  const selected = useView((state) => state.selectedTasks);
  const selectTasks = useView((state) => state.selectTasks);
  const clearTaskSelection = useView((state) => state.clearTaskSelection);
  const setDoMode = useView((state) => state.setDoMode);
  const { complete, askSnooze, moveOverdueToToday } = useTaskActions();
  const refs = Object.entries(selected).map(([id, version]) => ({ id, version }));
  const rows = page?.rows ?? [];
  const open = (page?.counts.open ?? 0) > 0;

  if (refs.length > 0) {
    const chosen = rows.filter((row) => row.id in selected);
    return (
      <div class="bulk-bar" data-testid="task-bulk-bar">
        <span>{t('tasksSelected', formatCount(refs.length))}</span>
        <button type="button" class="link" data-testid="bulk-complete" onClick={() => void complete(refs)}>
          {t('taskComplete')}
        </button>
        <button
          type="button"
          class="link"
          data-testid="bulk-reschedule"
          onClick={() =>
            askSnooze(
              refs.map(
                (ref) => chosen.find((row) => row.id === ref.id) ?? { ...ref, dueAt: 0, dueKind: 'none' as const },
              ),
            )
          }
        >
          {t('taskReschedule')}
        </button>
        <button type="button" class="link" onClick={clearTaskSelection}>
          {t('clearSelection')}
        </button>
      </div>
    );
  }
  return (
    <div class="bulk-bar" data-testid="task-bulk-bar">
      {rows.length > 0 && (
        <button
          type="button"
          class="link"
          onClick={() =>
            selectTasks(rows.filter((row) => row.status === 'open').map(({ id, version }) => ({ id, version })))
          }
        >
          {t('selectShownTasks', formatCount(rows.filter((row) => row.status === 'open').length))}
        </button>
      )}
      {view === 'overdue' && (page?.counts.overdue ?? 0) > 0 && (
        <button type="button" class="link" data-testid="move-overdue" onClick={() => void moveOverdueToToday()}>
          {t('moveOverdueToToday')}
        </button>
      )}
      {open && (
        <button type="button" class="link do-start" data-testid="do-start" onClick={() => setDoMode(true)}>
          {t('doStart')}
        </button>
      )}
    </div>
  );
}
