import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Our sidebar says hello before its frame's load event; a frame that loaded without it gets this long. */
const HELLO_GRACE_MS = 2000;
/** Restores in a row without a hello before we stop (our own page failing to start must not loop). */
const MAX_RESTORES = 3;

/**
 * Keeps the sidebar frame on our own page. The webmail cannot reach into the dock's closed shadow
 * root, but it can learn the frame's window (any message the sidebar posts to its parent carries
 * it) and navigate it, say to a fake "session expired, enter your password" page. So after every
 * load our sidebar must have said hello from the extension's origin, and the frame's address must
 * be ours; otherwise our address is put back.
 */
export function guardFrame(ctx: ContentScriptContext, iframe: HTMLIFrameElement, ownUrl: string) {
  // Each load must be matched by one hello; they arrive in either order (the hello is a posted
  // message, the load an event of the frame element).
  let loadWithoutHello = false;
  let helloWithoutLoad = false;
  let restoresWithoutHello = 0;
  let grace: ReturnType<typeof setTimeout> | undefined;

  // An address that is not ours is always put back (that cannot loop: ours is then the address).
  // A load without a hello is only retried MAX_RESTORES times: it may be our own page failing,
  // or, on a machine so busy that hellos come late, ours being slow (CI dry run, 2026-12-01).
  const restore = (why: string, always = false) => {
    if (!always && restoresWithoutHello >= MAX_RESTORES) return;
    restoresWithoutHello++;
    console.warn(`[command-center] the sidebar frame was changed (${why}); restoring it`);
    loadWithoutHello = false;
    helloWithoutLoad = false;
    iframe.src = ownUrl;
  };

  ctx.addEventListener(iframe, 'load', () => {
    clearTimeout(grace);
    if (helloWithoutLoad) {
      helloWithoutLoad = false;
      return;
    }
    loadWithoutHello = true;
    grace = setTimeout(() => {
      if (loadWithoutHello) restore('a page that is not ours loaded');
    }, HELLO_GRACE_MS);
  });
  ctx.onInvalidated(() => clearTimeout(grace));

  return {
    /** Our sidebar announced itself (the caller checked origin and source). */
    hello() {
      restoresWithoutHello = 0;
      if (loadWithoutHello) {
        loadWithoutHello = false;
        clearTimeout(grace);
      } else {
        helloWithoutLoad = true;
      }
    },
    /** The periodic check: the frame's address must still be ours. */
    check() {
      if (iframe.getAttribute('src') !== ownUrl) restore('its address changed', true);
    },
  };
}
