import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/t';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import type { TaskPage, TaskRow } from '../../lib/tasks/task-page';
import type { TaskClock, TaskView } from '../../lib/tasks/task-views';
import { useView } from '../app/view-store-context';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNote } from '../ui/ErrorNote';
import { useTaskActions } from './TaskActionsProvider';
import { TaskForm } from './TaskForm';
import { TaskRowView } from './TaskRowView';
import { TASK_VIEW_EMPTY, TASK_VIEW_LABELS } from './task-labels';

const PAGE = 50;

/** True when a key press belongs to a field the rep is typing in, not to the list. */
function typing(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return (
    !!target?.closest('input, textarea, select, [contenteditable]') || event.ctrlKey || event.metaKey || event.altKey
  );
}

/**
 * One view's tasks, PAGE at a time ("Show more" adds the next). Keys on the list: j/k move,
 * x completes, s snoozes, e edits in place, Enter opens (the row's own button).
 */
export function TaskList({
  view,
  clock,
  onPage,
}: {
  view: TaskView;
  clock: TaskClock;
  onPage: (page: TaskPage) => void;
}) {
  const [limit, setLimit] = useState(PAGE);
  const [editing, setEditing] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const lastView = useRef(view);
  if (lastView.current !== view) {
    lastView.current = view;
    if (limit !== PAGE) setLimit(PAGE);
  }
  const live = useLiveQuery('tasks.page', { view, ...clock, offset: 0, limit });
  const kept = useRef<TaskPage | null>(null);
  if (live.status === 'ready' && kept.current !== live.value) {
    kept.current = live.value;
    onPage(live.value);
  }
  const page = kept.current?.view === view ? kept.current : null;
  const leaving = useView((state) => state.leavingTasks);
  const markLeaving = useView((state) => state.markLeaving);
  // A task done here leaves the list at once; once the background's answer no longer holds it,
  // it needs hiding no more.
  const rows = (page?.rows ?? []).filter((row) => view === 'completed' || !(row.id in leaving));
  useEffect(() => {
    if (!page) return;
    const gone = Object.keys(leaving).filter((id) => !page.rows.some((row) => row.id === id && row.status === 'open'));
    if (gone.length > 0) markLeaving(gone, false);
  }, [page, leaving, markLeaving]);
  const { complete, reopen, askSnooze } = useTaskActions();

  const rowOf = (element: Element | null): TaskRow | undefined => {
    const id = element?.closest<HTMLElement>('[data-testid="task-row"]')?.dataset.id;
    return rows.find((row) => row.id === id);
  };
  const focusRow = (index: number) => list.current?.querySelectorAll<HTMLElement>('.task-main')[index]?.focus();

  const onKeyDown = (event: KeyboardEvent) => {
    if (typing(event) || !page) return;
    const mains = [...(list.current?.querySelectorAll<HTMLElement>('.task-main') ?? [])];
    const current = document.activeElement?.closest('.task-row')?.querySelector<HTMLElement>('.task-main');
    const at = current ? mains.indexOf(current) : -1;
    const row = rowOf(document.activeElement);
    const ref = row ? [{ id: row.id, version: row.version }] : [];
    switch (event.key) {
      case 'j':
      case 'ArrowDown':
        if (at + 1 >= mains.length && page.rows.length < page.total) setLimit(limit + PAGE);
        focusRow(Math.min(at + 1, mains.length - 1));
        break;
      case 'k':
      case 'ArrowUp':
        focusRow(Math.max(at - 1, 0));
        break;
      case 'x':
        if (!row) return;
        // Focus stays on the same place in the list: the next task moves up into it.
        void (row.status === 'open' ? complete : reopen)(ref).then(() => focusRow(Math.max(0, at)));
        break;
      case 's':
        if (row?.status !== 'open') return;
        askSnooze([row], () => focusRow(Math.max(0, at)));
        break;
      case 'e':
        if (!row) return;
        setEditing(row.id);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  if (live.status === 'error') return <ErrorNote message={live.error.message} />;
  if (page && page.total - (page.rows.length - rows.length) <= 0)
    return <EmptyState title={t('taskEmptyTitle', t(TASK_VIEW_LABELS[view]))} body={t(TASK_VIEW_EMPTY[view])} />;
  return (
    <div class="task-list-wrap" aria-busy={live.status === 'loading'}>
      <ul
        ref={list}
        class="task-list"
        aria-label={t(TASK_VIEW_LABELS[view])}
        data-testid="task-list"
        onKeyDown={onKeyDown}
      >
        {rows.map((row) =>
          editing === row.id ? (
            <li key={row.id} class="task-editing">
              <TaskForm
                task={row}
                onDone={() => {
                  setEditing(null);
                  requestAnimationFrame(() =>
                    list.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(row.id)}"] .task-main`)?.focus(),
                  );
                }}
              />
            </li>
          ) : (
            <TaskRowView key={row.id} row={row} clock={clock} />
          ),
        )}
      </ul>
      {page && page.rows.length < page.total && (
        <button type="button" class="link show-more" onClick={() => setLimit(limit + PAGE)}>
          {t('showMoreTasks', String(page.total - page.rows.length))}
        </button>
      )}
    </div>
  );
}
