import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/t';
import { sendCommand } from '../../lib/messaging/client';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { TASK_KIND_LABELS } from '../../lib/tasks/task-kind-labels';
import { addDays, dayKeyOf } from '../../lib/tasks/zoned-time';
import { useView } from '../app/view-store-context';
import { ErrorNote } from '../ui/ErrorNote';
import { MailText } from '../ui/MailText';
import { dueChipLabel } from './due-chip-label';
import { useTaskClock } from './use-task-clock';

const HOUR = 3_600_000;

/**
 * The task a reminder or an email's task list asked to see, at the top of the Tasks tab: what it
 * is, a link back to its email, and the three answers to a reminder (done, later, tomorrow).
 */
export function TaskSpotlight() {
  const id = useView((state) => state.focusedTaskId);
  const focusTask = useView((state) => state.focusTask);
  const showEmail = useView((state) => state.showEmail);
  const clock = useTaskClock();
  const task = useLiveQuery('tasks.one', { id: id ?? '-', ...clock });
  const [error, setError] = useState<string | null>(null);
  if (!id || task.status === 'loading') return null;
  const run = (work: Promise<unknown>) =>
    work.then(
      () => setError(null),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  return (
    <section class="spotlight" aria-label={t('taskFocusHeading')} data-testid="task-spotlight" data-task-id={id}>
      <div class="spotlight-head">
        <h2>{t('taskFocusHeading')}</h2>
        <button type="button" class="link" aria-label={t('taskFocusClose')} onClick={() => focusTask(null)}>
          ×
        </button>
      </div>
      {task.status === 'error' ? (
        <ErrorNote message={task.error.message} />
      ) : !task.value ? (
        <p class="muted">{t('taskFocusGone')}</p>
      ) : (
        <>
          <p class="spotlight-title" data-testid="spotlight-title">
            <MailText text={task.value.title} />
          </p>
          <p class="muted" data-testid="spotlight-due">
            {t(TASK_KIND_LABELS[task.value.type])} ·{' '}
            {task.value.status === 'open'
              ? dueChipLabel(task.value, clock.now, clock.timeZone)
              : t(task.value.status === 'completed' ? 'taskStatusCompleted' : 'taskStatusSkipped')}
            {task.value.personLabel && (
              <>
                {' · '}
                <MailText text={task.value.personLabel} />
              </>
            )}
          </p>
          <div class="actions">
            {task.value.emailId && (
              <button type="button" data-testid="spotlight-email" onClick={() => showEmail(task.value!.emailId!)}>
                {t('taskFocusOpenEmail')}
              </button>
            )}
            {task.value.status === 'open' && (
              <>
                <button
                  type="button"
                  data-testid="spotlight-done"
                  onClick={() =>
                    void run(
                      sendCommand('tasks.complete', { refs: [{ id: task.value!.id, version: task.value!.version }] }),
                    )
                  }
                >
                  {t('taskFocusDone')}
                </button>
                <button
                  type="button"
                  data-testid="spotlight-snooze"
                  onClick={() =>
                    void run(
                      sendCommand('tasks.reschedule', {
                        refs: [{ id: task.value!.id, version: task.value!.version }],
                        due: { kind: 'dateTime', at: Date.now() + HOUR },
                        timeZone: clock.timeZone,
                        how: 'snooze',
                      }),
                    )
                  }
                >
                  {t('taskFocusSnoozeHour')}
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void run(
                      sendCommand('tasks.reschedule', {
                        refs: [{ id: task.value!.id, version: task.value!.version }],
                        due: { kind: 'day', day: addDays(dayKeyOf(Date.now(), clock.timeZone), 1) },
                        timeZone: clock.timeZone,
                        how: 'snooze',
                      }),
                    )
                  }
                >
                  {t('taskFocusTomorrow')}
                </button>
              </>
            )}
          </div>
          {error && <ErrorNote message={error} />}
        </>
      )}
    </section>
  );
}
