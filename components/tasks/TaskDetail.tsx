import { useState } from 'preact/hooks';
import { t, uiLanguage } from '../../lib/i18n/t';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { dueLabel, dueTitle } from '../../lib/tasks/due-label';
import { useView } from '../app/view-store-context';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNote } from '../ui/ErrorNote';
import { MailText } from '../ui/MailText';
import { useTaskActions } from './TaskActionsProvider';
import { TaskForm } from './TaskForm';
import { TaskTypeAction } from './TaskTypeAction';
import { TASK_TYPE_LABELS } from './task-labels';
import { useTaskClock } from './use-task-clock';

/** One task, opened from its row (Enter), a notification or an email: all it holds, its actions, Back. */
export function TaskDetail({ id }: { id: string }) {
  const clock = useTaskClock();
  const live = useLiveQuery('tasks.one', { ...clock, id });
  const openTask = useView((state) => state.openTask);
  const openEmail = useView((state) => state.openEmail);
  const showSection = useView((state) => state.showSection);
  const { complete, reopen, askSnooze } = useTaskActions();
  const [editing, setEditing] = useState(false);
  const back = () => openTask(null);

  if (live.status === 'error') return <ErrorNote message={live.error.message} />;
  if (live.status !== 'ready') return null;
  const task = live.value;
  if (!task)
    return (
      <div class="task-detail">
        <button type="button" class="link" onClick={back}>
          {t('back')}
        </button>
        <EmptyState title={t('taskGone')} />
      </div>
    );
  const ref = [{ id: task.id, version: task.version }];
  return (
    <article
      class="task-detail"
      data-testid="task-detail"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !editing) {
          event.preventDefault();
          back();
        }
      }}
    >
      <button
        type="button"
        class="link"
        data-testid="task-back"
        onClick={back}
        // biome-ignore lint/a11y/noAutofocus: an opened task takes focus on Back, as an opened email does.
        autoFocus
      >
        {t('back')}
      </button>
      {editing ? (
        <TaskForm task={task} onDone={() => setEditing(false)} />
      ) : (
        <>
          <p class="do-type">{t(TASK_TYPE_LABELS[task.type])}</p>
          <h2 class="do-title">
            <MailText text={task.title} />
          </h2>
          <dl class="task-facts">
            {task.personLabel && (
              <>
                <dt>{t('taskFieldPerson')}</dt>
                <dd>
                  <MailText text={task.personLabel} />
                  {task.personEmail && <span class="do-muted"> · {task.personEmail}</span>}
                </dd>
              </>
            )}
            <dt>{t('taskFieldDue')}</dt>
            <dd title={dueTitle(task, clock, uiLanguage()) ?? ''}>
              {dueLabel(task, clock, uiLanguage()) ?? t('quickAddNoDue')}
            </dd>
            <dt>{t('taskFieldPriority')}</dt>
            <dd>{task.priority === 'high' ? t('priorityHigh') : t('priorityNormal')}</dd>
            {task.emailId && (
              <>
                <dt>{t('taskFieldEmail')}</dt>
                <dd>
                  <button
                    type="button"
                    class="link"
                    data-testid="task-email-link"
                    onClick={() => {
                      showSection('emails');
                      openEmail(task.emailId ?? null);
                    }}
                  >
                    {task.emailSubject ? <MailText text={task.emailSubject} /> : t('noSubject')}
                  </button>
                </dd>
              </>
            )}
          </dl>
          {task.notes && (
            <p class="do-notes">
              <MailText text={task.notes} />
            </p>
          )}
          <div class="do-actions">
            <TaskTypeAction task={task} />
            {task.status === 'open' ? (
              <>
                <button type="button" data-testid="detail-complete" onClick={() => void complete(ref)}>
                  {t('taskComplete')}
                </button>
                <button type="button" onClick={() => askSnooze([task])}>
                  {t('doSnooze')}
                </button>
              </>
            ) : (
              <button type="button" onClick={() => void reopen(ref)}>
                {t('taskReopen')}
              </button>
            )}
            <button type="button" data-testid="detail-edit" onClick={() => setEditing(true)}>
              {t('taskEdit')}
            </button>
          </div>
        </>
      )}
    </article>
  );
}
