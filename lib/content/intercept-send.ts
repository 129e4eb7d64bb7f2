import type { SiteId } from '../sites/site-adapter';

export interface SendInterception {
  /** Lets the webmail send: clicks its Send control, and our listeners let that click through. */
  release(): boolean;
}

/**
 * Catches the rep's Send before the webmail acts on it, in the capture phase on the compose
 * root (as InboxSDK does, webmail-dom.md §1.6): a click (or Enter/Space) on the Send control,
 * Ctrl/Cmd+Enter anywhere in the compose, and Outlook's Alt+S. Every such event is stopped
 * while `onSend` decides; a second Send meanwhile (double click, click plus Ctrl+Enter) is
 * swallowed, so there is one send. Gmail's buttons act on mousedown/mouseup too, so those are
 * stopped on the Send control as well.
 */
export function interceptSend(
  root: HTMLElement,
  site: SiteId,
  sendControl: () => HTMLElement | null,
  /** False when this compose cannot be tracked at all: its Send then works as if we were not here. */
  wanted: () => boolean,
  onSend: (interception: SendInterception) => void,
  signal: AbortSignal,
): void {
  let releasing = false;
  const onControl = (event: Event) => {
    const control = sendControl();
    return control !== null && event.target instanceof Node && control.contains(event.target);
  };
  const isSendKey = (event: KeyboardEvent) =>
    (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) ||
    (site === 'outlook' && event.altKey && (event.key === 's' || event.key === 'S' || event.code === 'KeyS')) ||
    ((event.key === 'Enter' || event.key === ' ') && onControl(event));

  const interception: SendInterception = {
    release() {
      const control = sendControl();
      if (!control) return false;
      releasing = true;
      try {
        for (const type of ['mousedown', 'mouseup'] as const) {
          control.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, button: 0 }));
        }
        control.click();
      } finally {
        releasing = false;
      }
      return true;
    },
  };

  const stop = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const onPointer = (event: MouseEvent) => {
    if (releasing || event.button !== 0 || !onControl(event) || !wanted()) return;
    stop(event);
    if (event.type === 'click') onSend(interception);
  };
  const onKey = (event: KeyboardEvent) => {
    if (releasing || !isSendKey(event) || !wanted()) return;
    stop(event);
    // Held keys repeat: one Send per press.
    if (!event.repeat) onSend(interception);
  };
  const options = { capture: true, signal };
  root.addEventListener('mousedown', onPointer, options);
  root.addEventListener('mouseup', onPointer, options);
  root.addEventListener('click', onPointer, options);
  root.addEventListener('keydown', onKey, options);
}
