import { useEffect } from 'preact/hooks';

export interface ToastMessage {
  id: number;
  text: string;
  tone?: 'info' | 'error';
  action?: { label: string; run: () => void };
}

const SHOW_MS = 8_000;

/** A short note at the bottom of the sidebar, with an optional Undo; it goes away by itself. */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: one timer per toast (its id), whatever the parent re-renders.
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDismiss, SHOW_MS);
    return () => clearTimeout(timer);
  }, [toast?.id]);
  if (!toast) return null;
  return (
    <div
      class={`toast ${toast.tone === 'error' ? 'toast-error' : ''}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      data-testid="toast"
    >
      <span>{toast.text}</span>
      {toast.action && (
        <button
          type="button"
          onClick={() => {
            toast.action!.run();
            onDismiss();
          }}
        >
          {toast.action.label}
        </button>
      )}
    </div>
  );
}
