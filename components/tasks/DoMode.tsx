import { useRef, useState } from 'preact/hooks';
import { formatCount, t, uiLanguage } from '../../lib/i18n/t';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { dueLabel } from '../../lib/tasks/due-label';
import { useView } from '../app/view-store-context';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNote } from '../ui/ErrorNote';
import { MailText } from '../ui/MailText';
import { useTaskActions } from './TaskActionsProvider';
import { TaskTypeAction } from './TaskTypeAction';
import { TASK_TYPE_LABELS, TASK_TYPE_MARKS } from './task-labels';
import { useTaskClock } from './use-task-clock';

/** Do mode works through at most this many tasks in one go. */
const SESSION = 200;

/**
 * Works the queue one task at a time, in order (overdue first, then by due and priority):
 * complete and next, skip, snooze, with progress. The session's tasks are fixed at its start,
 * so a task added meanwhile waits for the next session, and one done elsewhere is passed over.
 */
export function DoMode() {
  const clock = useTaskClock();
  const setDoMode = useView((state) => state.setDoMode);
  const { complete, skip, askSnooze } = useTaskActions();
  const live = useLiveQuery('tasks.queue', { ...clock, limit: SESSION });
  const session = useRef<string[] | null>(null);
  const [handled, setHandled] = useState<ReadonlySet<string>>(new Set());
  if (live.status === 'ready' && !session.current) session.current = live.value.map((row) => row.id);

  if (live.status === 'error') return <ErrorNote message={live.error.message} />;
  if (!session.current) return null;
  const rows = live.status === 'ready' ? live.value : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ids = session.current;
  const remaining = ids.filter((id) => !handled.has(id) && byId.has(id));
  const current = remaining[0] ? byId.get(remaining[0]) : undefined;
  const exit = () => setDoMode(false);
  const next = (id: string) => (ok: boolean) => {
    if (ok) setHandled((done) => new Set(done).add(id));
  };

  return (
    <section
      class="do-mode"
      aria-label={t('doModeLabel')}
      data-testid="do-mode"
      onKeyDown={(event) => {
        if ((event.target as HTMLElement).closest('input, textarea, select')) return;
        if (event.key === 'Escape') exit();
        else if (event.key === 'x' && current)
          void complete([{ id: current.id, version: current.version }]).then(next(current.id));
        else if (event.key === 's' && current) askSnooze([current], () => next(current.id)(true));
        else return;
        event.preventDefault();
      }}
    >
      <div class="do-head">
        <span data-testid="do-progress">
          {current
            ? t('doProgress', [formatCount(ids.length - remaining.length + 1), formatCount(ids.length)])
            : t('doFinished', formatCount(handled.size))}
        </span>
        <progress max={Math.max(ids.length, 1)} value={ids.length - remaining.length} />
        <button type="button" class="link" data-testid="do-exit" onClick={exit}>
          {t('doExit')}
        </button>
      </div>
      {current ? (
        <article key={current.id} class="do-card" data-testid="do-card" data-id={current.id}>
          <p class="do-type">
            <span aria-hidden="true">{TASK_TYPE_MARKS[current.type]}</span> {t(TASK_TYPE_LABELS[current.type])}
            {current.priority === 'high' && <span class="task-high"> {t('priorityHigh')}</span>}
          </p>
          <h2 class="do-title">
            <MailText text={current.title} />
          </h2>
          {current.personLabel && (
            <p class="do-person">
              <MailText text={current.personLabel} />
              {current.personEmail && <span class="do-muted"> · {current.personEmail}</span>}
            </p>
          )}
          {current.dueKind !== 'none' && (
            <p class={current.overdue ? 'do-due task-overdue' : 'do-due'}>
              {current.overdue
                ? t('taskOverdueDue', dueLabel(current, clock, uiLanguage()) ?? '')
                : dueLabel(current, clock, uiLanguage())}
            </p>
          )}
          {current.notes && (
            <p class="do-notes">
              <MailText text={current.notes} />
            </p>
          )}
          <div class="do-type-action">
            <TaskTypeAction task={current} />
          </div>
          <div class="do-actions">
            <button
              type="button"
              class="primary"
              data-testid="do-complete"
              // biome-ignore lint/a11y/noAutofocus: each task of the session takes focus, so x, s and Enter act on it.
              autoFocus
              onClick={() => void complete([{ id: current.id, version: current.version }]).then(next(current.id))}
            >
              {t('doCompleteNext')}
            </button>
            <button
              type="button"
              data-testid="do-skip"
              onClick={() => void skip([{ id: current.id, version: current.version }]).then(next(current.id))}
            >
              {t('doSkip')}
            </button>
            <button
              type="button"
              data-testid="do-snooze"
              onClick={() => askSnooze([current], () => next(current.id)(true))}
            >
              {t('doSnooze')}
            </button>
          </div>
        </article>
      ) : (
        <EmptyState title={ids.length ? t('doAllDoneTitle') : t('doNothingTitle')} body={t('doAllDoneBody')} />
      )}
    </section>
  );
}
