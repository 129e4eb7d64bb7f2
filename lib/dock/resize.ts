import { MIN_WIDTH } from './dock-prefs';

const KEY_STEP = 24;

/**
 * Drag the sidebar's left edge to resize it; or focus the edge and use the arrow keys.
 * `limit()` is the widest the page allows now; `onWidth(width, done)` gets every step, and
 * `done` is true when the width should be saved.
 */
export function attachResize(
  edge: HTMLElement,
  current: () => number,
  limit: () => number,
  onWidth: (width: number, done: boolean) => void,
): void {
  const withinLimit = (width: number) => Math.round(Math.min(limit(), Math.max(MIN_WIDTH, width)));
  const show = (width: number) => {
    edge.setAttribute('aria-valuenow', String(width));
    edge.setAttribute('aria-valuemin', String(MIN_WIDTH));
    edge.setAttribute('aria-valuemax', String(limit()));
  };
  show(current());

  edge.addEventListener('pointerdown', (down) => {
    down.preventDefault();
    edge.setPointerCapture(down.pointerId);
    const startX = down.clientX;
    const startWidth = current();
    const move = (event: PointerEvent) => {
      const width = withinLimit(startWidth + (startX - event.clientX));
      show(width);
      onWidth(width, false);
    };
    const up = () => {
      edge.removeEventListener('pointermove', move);
      onWidth(current(), true);
    };
    edge.addEventListener('pointermove', move);
    edge.addEventListener('pointerup', up, { once: true });
  });

  edge.addEventListener('keydown', (event) => {
    event.stopPropagation(); // ours, not the webmail's shortcut
    const delta = event.key === 'ArrowLeft' ? KEY_STEP : event.key === 'ArrowRight' ? -KEY_STEP : 0;
    if (!delta) return;
    event.preventDefault();
    const width = withinLimit(current() + delta);
    show(width);
    onWidth(width, true);
  });
}
