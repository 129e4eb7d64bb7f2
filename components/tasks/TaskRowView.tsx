import { t, uiLanguage } from '../../lib/i18n/t';
import { dueLabel, dueTitle } from '../../lib/tasks/due-label';
import type { TaskRow } from '../../lib/tasks/task-page';
import type { TaskClock } from '../../lib/tasks/task-views';
import { useView } from '../app/view-store-context';
import { withoutBidiControls } from '../ui/bidi';
import { MailText } from '../ui/MailText';
import { useTaskActions } from './TaskActionsProvider';
import { TASK_TYPE_LABELS, TASK_TYPE_MARKS } from './task-labels';

/** One task: select, complete with one click, and its type, title, person, due and priority. */
export function TaskRowView({ row, clock }: { row: TaskRow; clock: TaskClock }) {
  const selected = useView((state) => row.id in state.selectedTasks);
  const toggleTaskSelected = useView((state) => state.toggleTaskSelected);
  const openTask = useView((state) => state.openTask);
  const { complete, reopen } = useTaskActions();
  const due = dueLabel(row, clock, uiLanguage());
  const title = withoutBidiControls(row.title);
  const open = row.status === 'open';
  return (
    <li
      class={`task-row ${selected ? 'row-selected' : ''} ${row.overdue ? 'task-overdue' : ''} ${open ? '' : 'task-done'}`}
      data-testid="task-row"
      data-id={row.id}
      data-version={row.version}
    >
      <input
        type="checkbox"
        checked={selected}
        aria-label={t('selectTask', title)}
        onChange={() => toggleTaskSelected(row.id, row.version)}
      />
      <button
        type="button"
        class={`task-check ${open ? '' : 'task-check-done'}`}
        data-testid="task-complete"
        aria-label={open ? t('completeTask', title) : t('reopenTask', title)}
        title={open ? t('completeTaskHint') : t('reopenTask', title)}
        onClick={() => void (open ? complete : reopen)([{ id: row.id, version: row.version }])}
      >
        {open ? '' : '✓'}
      </button>
      <button type="button" class="task-main" onClick={() => openTask(row.id)} aria-label={t('openTask', title)}>
        <span class="task-line">
          <span class={`task-type task-type-${row.type}`} title={t(TASK_TYPE_LABELS[row.type])} aria-hidden="true">
            {TASK_TYPE_MARKS[row.type]}
          </span>
          <span class="task-title">
            <MailText text={row.title} />
          </span>
          {row.priority === 'high' && (
            <span class="task-high" data-testid="task-high" title={t('priorityHigh')}>
              !
            </span>
          )}
        </span>
        <span class="task-line task-meta">
          <span class="visually-hidden">{t(TASK_TYPE_LABELS[row.type])}</span>
          {row.personLabel && (
            <span class="task-person">
              <MailText text={row.personLabel} />
            </span>
          )}
          {due && (
            <time class="task-due" data-testid="task-due" title={dueTitle(row, clock, uiLanguage()) ?? ''}>
              {row.overdue ? t('taskOverdueDue', due) : due}
            </time>
          )}
          {row.status === 'skipped' && <span class="task-skipped">{t('taskSkippedMark')}</span>}
        </span>
      </button>
    </li>
  );
}
