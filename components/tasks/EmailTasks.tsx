import { t } from '../../lib/i18n/t';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { TASK_KIND_LABELS } from '../../lib/tasks/task-kind-labels';
import { useView } from '../app/view-store-context';
import { MailText } from '../ui/MailText';
import { dueChipLabel } from './due-chip-label';
import { useTaskClock } from './use-task-clock';

/** An email's tasks in its detail view, open ones first; each opens in the Tasks tab. */
export function EmailTasks({ emailId }: { emailId: string }) {
  const clock = useTaskClock();
  const tasks = useLiveQuery('tasks.forEmail', { emailId, ...clock });
  const focusTask = useView((state) => state.focusTask);
  if (tasks.status !== 'ready') return null;
  return (
    <>
      <h3>{t('emailTasks')}</h3>
      {tasks.value.length === 0 ? (
        <p class="muted" data-testid="email-tasks-none">
          {t('emailTasksNone')}
        </p>
      ) : (
        <ul class="email-tasks" data-testid="email-tasks">
          {tasks.value.map((task) => (
            <li key={task.id} data-task-id={task.id} class={task.status === 'open' ? '' : 'muted'}>
              <button type="button" class="link inline-link" onClick={() => focusTask(task.id)}>
                <MailText text={task.title} />
              </button>{' '}
              <span class="muted">
                {t(TASK_KIND_LABELS[task.type])} ·{' '}
                {task.status === 'open'
                  ? dueChipLabel(task, clock.now, clock.timeZone)
                  : t(task.status === 'completed' ? 'taskStatusCompleted' : 'taskStatusSkipped')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
