import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useMemo, useState } from 'preact/hooks';
import { type MessageKey, type PluralKey, t, tn } from '../../lib/i18n/t';
import { sendCommand } from '../../lib/messaging/client';
import type { SnoozeChoice } from '../../lib/tasks/snooze';
import { snoozeDue } from '../../lib/tasks/snooze';
import type { TaskRow } from '../../lib/tasks/task-page';
import type { DueInput, TaskActionResult, TaskEdit, TaskRef } from '../../lib/tasks/task-writes';
import { useView } from '../app/view-store-context';
import { Toast, type ToastMessage } from '../ui/Toast';
import { SnoozeDialog } from './SnoozeDialog';
import { useTaskClock } from './use-task-clock';

export interface TaskActions {
  complete: (refs: TaskRef[]) => Promise<boolean>;
  skip: (refs: TaskRef[]) => Promise<boolean>;
  reopen: (refs: TaskRef[]) => Promise<boolean>;
  reschedule: (refs: TaskRef[], due: DueInput) => Promise<boolean>;
  moveOverdueToToday: () => Promise<boolean>;
  edit: (ref: TaskRef, edit: TaskEdit) => Promise<boolean>;
  /** Opens the snooze choices for these tasks (one task keeps its time of day). */
  askSnooze: (tasks: Pick<TaskRow, 'id' | 'version' | 'dueAt' | 'dueKind'>[], after?: () => void) => void;
  /** A note at the bottom, for what the caller did itself (a new task saved). */
  say: (text: string, tone?: ToastMessage['tone']) => void;
}

const Context = createContext<TaskActions | null>(null);

export function useTaskActions(): TaskActions {
  const actions = useContext(Context);
  if (!actions) throw new Error('useTaskActions outside TaskActionsProvider');
  return actions;
}

const FAILURE: Record<TaskActionResult['failed'][number]['code'], MessageKey> = {
  gone: 'taskGone',
  changed: 'taskChanged',
};

interface Pending {
  tasks: Pick<TaskRow, 'id' | 'version' | 'dueAt' | 'dueKind'>[];
  after: (() => void) | undefined;
}

/**
 * Runs every change to tasks from the sidebar: says what was done, with Undo that puts back
 * exactly what was there; a task changed or deleted elsewhere meanwhile is named, not hidden.
 */
export function TaskActionsProvider({ children }: { children: ComponentChildren }) {
  const clock = useTaskClock();
  const clearTaskSelection = useView((state) => state.clearTaskSelection);
  const markLeaving = useView((state) => state.markLeaving);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [snoozing, setSnoozing] = useState<Pending | null>(null);
  const say = useCallback(
    (text: string, tone: ToastMessage['tone'] = 'info', action?: ToastMessage['action']) =>
      setToast({ id: Date.now(), text, tone, ...(action ? { action } : {}) }),
    [],
  );

  /** Reports a change: its failures by name, else what was done, with Undo. */
  const report = useCallback(
    (result: TaskActionResult, done: PluralKey) => {
      if (result.failed.length > 0 && result.done.length === 0) {
        say(t(FAILURE[result.failed[0]!.code]), 'error');
        return false;
      }
      const undo = result.undo;
      const text =
        result.failed.length > 0
          ? `${tn(done, result.done.length)} ${tn('tasksNotChanged', result.failed.length)}`
          : tn(done, result.done.length);
      say(text, result.failed.length > 0 ? 'error' : 'info', {
        label: t('undo'),
        run: () =>
          void sendCommand('tasks.undo', { undo })
            .then((undone) => {
              markLeaving(undone.done, false);
              return undone;
            })
            .then((undone) => say(undone.failed.length > 0 ? t('taskUndoRefused') : t('undone')))
            .catch((error: unknown) => say(t('errorGeneric', String(error)), 'error')),
      });
      return true;
    },
    [say, markLeaving],
  );

  const run = useCallback(
    async (work: () => Promise<TaskActionResult>, done: PluralKey) => {
      try {
        const ok = report(await work(), done);
        clearTaskSelection();
        return ok;
      } catch (error) {
        say(t('errorGeneric', error instanceof Error ? error.message : String(error)), 'error');
        return false;
      }
    },
    [report, say, clearTaskSelection],
  );

  /** Completing and skipping hide the tasks at once; what the background refuses comes back. */
  const leave = useCallback(
    async (refs: TaskRef[], work: () => Promise<TaskActionResult>, done: PluralKey) => {
      const ids = refs.map((ref) => ref.id);
      markLeaving(ids, true);
      let result: TaskActionResult | null = null;
      const ok = await run(async () => {
        result = await work();
        return result;
      }, done);
      const kept = result ? (result as TaskActionResult).failed.map((failure) => failure.id) : ids;
      if (kept.length > 0) markLeaving(kept, false);
      return ok;
    },
    [run, markLeaving],
  );

  const value = useMemo<TaskActions>(
    () => ({
      complete: (refs) => leave(refs, () => sendCommand('tasks.complete', { refs }), 'tasksCompleted'),
      skip: (refs) => leave(refs, () => sendCommand('tasks.skip', { refs }), 'tasksSkipped'),
      reopen: (refs) => run(() => sendCommand('tasks.reopen', { refs }), 'tasksReopened'),
      reschedule: (refs, due) =>
        run(
          () => sendCommand('tasks.reschedule', { refs, due, timeZone: clock.timeZone, how: 'reschedule' }),
          'tasksRescheduled',
        ),
      moveOverdueToToday: () =>
        run(() => sendCommand('tasks.moveOverdueToToday', { timeZone: clock.timeZone }), 'tasksMovedToToday'),
      edit: (ref, edit) => run(() => sendCommand('tasks.edit', { ref, edit, timeZone: clock.timeZone }), 'tasksSaved'),
      askSnooze: (tasks, after) => setSnoozing({ tasks, after }),
      say: (text, tone) => say(text, tone),
    }),
    [run, leave, say, clock.timeZone],
  );

  const snooze = async ({ tasks, after }: Pending, choice: SnoozeChoice) => {
    setSnoozing(null);
    // One task keeps its own time of day; several at once move to the same day or time.
    const due = snoozeDue(choice, clock, tasks.length === 1 ? tasks[0] : undefined);
    const refs = tasks.map(({ id, version }) => ({ id, version }));
    const ok = await run(
      () => sendCommand('tasks.reschedule', { refs, due, timeZone: clock.timeZone, how: 'snooze' }),
      'tasksSnoozed',
    );
    if (ok) after?.();
  };

  return (
    <Context.Provider value={value}>
      {children}
      {snoozing && (
        <SnoozeDialog
          count={snoozing.tasks.length}
          clock={clock}
          onCancel={() => setSnoozing(null)}
          onChoose={(choice) => void snooze(snoozing, choice)}
        />
      )}
      <Toast toast={toast} onDismiss={() => setToast(null)} />
    </Context.Provider>
  );
}
