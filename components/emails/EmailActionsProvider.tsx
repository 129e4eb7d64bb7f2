import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useMemo, useRef, useState } from 'preact/hooks';
import type { ActionResult } from '../../lib/emails/actions';
import { type EmailAction, UNDOABLE } from '../../lib/emails/actions-by-status';
import type { EmailStatus } from '../../lib/emails/status';
import { formatCount, t, tn } from '../../lib/i18n/t';
import { useView } from '../app/view-store-context';
import { Dialog } from '../ui/Dialog';
import { Toast, type ToastMessage } from '../ui/Toast';
import { ACTION_DONE } from './action-labels';
import { FollowUpDialog } from './FollowUpDialog';
import { RescheduleDialog } from './RescheduleDialog';
import { type ActionOptions, runAction, undoAction } from './run-action';

export interface ActionTarget {
  id: string;
  /** The status the rep saw: the action is refused for an email that has moved on since. */
  status: EmailStatus;
  campaign: boolean;
}

export interface Progress {
  action: EmailAction;
  done: number;
  total: number;
  /** Cancel was pressed: the chunk in flight finishes, no other starts. */
  stopping?: boolean;
}

interface EmailActions {
  request: (action: EmailAction, targets: ActionTarget[]) => void;
  progress: Progress | null;
  /** Stops the running bulk action after the chunk in flight. */
  cancel: () => void;
}

const Context = createContext<EmailActions | null>(null);

export function useEmailActions(): EmailActions {
  const actions = useContext(Context);
  if (!actions) throw new Error('useEmailActions outside EmailActionsProvider');
  return actions;
}

type Pending = { action: EmailAction; targets: ActionTarget[] };

/**
 * Runs the rep's quick actions: asks first where it must (deleting campaign emails, picking a
 * new time), shows progress for bulk work, and offers Undo where the action can be taken back.
 */
export function EmailActionsProvider({ children }: { children: ComponentChildren }) {
  const clearSelection = useView((state) => state.clearSelection);
  const [progress, setProgress] = useState<Progress | null>(null);
  const cancelled = useRef(false);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const [rescheduling, setRescheduling] = useState<Pending | null>(null);
  const [followingUp, setFollowingUp] = useState<Pending | null>(null);

  const show = useCallback(
    (text: string, tone: ToastMessage['tone'] = 'info', action?: ToastMessage['action']) =>
      setToast({ id: Date.now(), text, tone, ...(action ? { action } : {}) }),
    [],
  );

  const undoOf = useCallback(
    (action: EmailAction, ids: string[]): ToastMessage['action'] => ({
      label: t('undo'),
      run: () =>
        void undoAction(action, ids)
          .then(() => show(t('undone')))
          .catch((error: unknown) => show(String(error), 'error')),
    }),
    [show],
  );

  const perform = useCallback(
    async ({ action, targets }: Pending, options: ActionOptions = {}) => {
      const total = targets.length;
      cancelled.current = false;
      setProgress({ action, done: 0, total });
      try {
        // A search or a list mixes folders: each status goes as its own run, with its own `expected`.
        const result: ActionResult = { done: [], failed: [] };
        for (const [status, ids] of idsByStatus(targets)) {
          if (cancelled.current) break;
          const before = result.done.length + result.failed.length;
          const part = await runAction(
            action,
            ids,
            status,
            options,
            (done) => setProgress({ action, done: before + done, total, stopping: cancelled.current }),
            () => cancelled.current,
          );
          result.done.push(...part.done);
          result.failed.push(...part.failed);
        }
        clearSelection();
        const handled = result.done.length + result.failed.length;
        const undo = UNDOABLE.has(action) && result.done.length > 0 ? undoOf(action, result.done) : undefined;
        if (handled < total) {
          // Cancelled: say how far it got; what was done stays done, and can be undone.
          show(t('bulkStopped', [formatCount(handled), formatCount(total)]), 'info', undo);
        } else if (result.failed.length > 0) {
          show(tn('actionPartlyFailed', result.failed.length, [result.failed[0]!.message]), 'error');
        } else if (undo) {
          show(tn(ACTION_DONE[action], result.done.length), 'info', undo);
        } else {
          show(tn(ACTION_DONE[action], result.done.length));
        }
      } catch (error) {
        show(t('errorGeneric', error instanceof Error ? error.message : String(error)), 'error');
      } finally {
        setProgress(null);
      }
    },
    [clearSelection, show, undoOf],
  );

  const request = useCallback(
    (action: EmailAction, targets: ActionTarget[]) => {
      if (targets.length === 0) return;
      const pending = { action, targets };
      if (action === 'reschedule') setRescheduling(pending);
      else if (action === 'followUp') setFollowingUp(pending);
      else if (action === 'delete' && targets.some((target) => target.campaign)) setConfirming(pending);
      else void perform(pending);
    },
    [perform],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
    setProgress((running) => running && { ...running, stopping: true });
  }, []);
  const value = useMemo(() => ({ request, progress, cancel }), [request, progress, cancel]);
  return (
    <Context.Provider value={value}>
      {children}
      {confirming && (
        <Dialog
          title={tn('confirmDeleteTitle', confirming.targets.length)}
          confirmLabel={t('actionDelete')}
          cancelLabel={t('cancel')}
          danger
          testId="confirm-delete"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void perform(confirming);
          }}
        >
          <p>{t('confirmDeleteCampaign')}</p>
        </Dialog>
      )}
      {rescheduling && (
        <RescheduleDialog
          count={rescheduling.targets.length}
          onCancel={() => setRescheduling(null)}
          onConfirm={(at) => {
            setRescheduling(null);
            void perform(rescheduling, { at });
          }}
        />
      )}
      {followingUp && (
        <FollowUpDialog
          onCancel={() => setFollowingUp(null)}
          onConfirm={(followUp) => {
            setFollowingUp(null);
            void perform(followingUp, { followUp });
          }}
        />
      )}
      <Toast toast={toast} onDismiss={() => setToast(null)} />
    </Context.Provider>
  );
}

function idsByStatus(targets: ActionTarget[]): Map<EmailStatus, string[]> {
  const groups = new Map<EmailStatus, string[]>();
  for (const target of targets) {
    const ids = groups.get(target.status) ?? [];
    ids.push(target.id);
    groups.set(target.status, ids);
  }
  return groups;
}
