import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import { openPrefilledCompose, type PrefillResult } from '../content/open-prefilled-compose';
import { t } from '../i18n/t';
import { CHANNEL, frameMessageSchema, type HostMessage, parseWith, tabMessageSchema } from '../messaging/protocol';
import type { SiteAdapter } from '../sites/site-adapter';
import { type DockPrefs, loadDockPrefs, saveDockPrefs, widthLimit } from './dock-prefs';
import { DOCK_CSS } from './dock-styles';
import { guardFrame } from './guard-frame';
import { createLauncher } from './launcher';
import { attachResize } from './resize';
import { trackFocusOutside } from './return-focus';

const HOST_TAG = 'icc-dock';
const PAGE_STYLE_ID = 'icc-dock-page-style';
/** How often we check that the webmail has not re-rendered our dock away (cheap: one lookup). */
const RECHECK_MS = 1500;

/**
 * Docks the Command Center into the webmail: right of the main column when the adapter finds
 * its anchors, otherwise as a floating panel with a "layout not recognised" mark. Everything it
 * adds is removed when the content script is invalidated (extension update or reload).
 */
export async function mountCommandCenter(ctx: ContentScriptContext, adapter: SiteAdapter): Promise<void> {
  const startedAt = performance.timeOrigin + performance.now();
  for (const stale of document.querySelectorAll(HOST_TAG)) stale.remove(); // a previous instance's leftovers
  let prefs: DockPrefs = await loadDockPrefs(adapter.site);

  const host = document.createElement(HOST_TAG);
  host.dataset.startedAt = String(startedAt);
  // Closed: the webmail page must not reach our frame (it could point it at a fake login page).
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.innerHTML = `<style>${DOCK_CSS}</style><div class="frame"><div class="edge" tabindex="0" role="separator" aria-orientation="vertical"></div><div class="panel"><div class="mark" role="status"></div></div></div>`;
  const frame = shadow.querySelector<HTMLElement>('.frame')!;
  const panel = shadow.querySelector<HTMLElement>('.panel')!;
  const edge = shadow.querySelector<HTMLElement>('.edge')!;
  shadow.querySelector<HTMLElement>('.mark')!.textContent = t('layoutNotRecognised');
  edge.setAttribute('aria-label', t('resizeSidebar'));

  const ui = createIframeUi(ctx, {
    page: '/sidebar.html',
    position: 'inline',
    anchor: panel,
    append: 'last',
    onMount: (_wrapper, iframe) => {
      iframe.title = t('extName');
      iframe.id = 'icc-sidebar-frame';
    },
  });
  ui.wrapper.style.cssText = 'flex:1 1 auto;display:flex;min-height:0';

  const ownUrl = browser.runtime.getURL('/sidebar.html');
  const guard = guardFrame(ctx, ui.iframe, ownUrl);
  const launcher = createLauncher(() => setOpen(true, { focus: true }));
  const focusOutside = trackFocusOutside(ctx, host);

  // prefs.width is what the rep chose; `shown` is that, narrowed while the window is too small
  // for it and the mail column together (widened again when the window grows).
  let shown = prefs.width;
  let mailColumn: Element | null = null;
  const limit = () => {
    const open = host.style.display !== 'none';
    const room = mailColumn?.isConnected
      ? mailColumn.getBoundingClientRect().width + (open ? shown : 0)
      : window.innerWidth;
    return widthLimit(room);
  };
  const applyWidth = () => {
    shown = Math.min(prefs.width, limit());
    host.style.width = `${shown}px`;
    if (mailColumn) host.style.flexBasis = `${shown}px`;
    // Page elements fixed to the right edge (Gmail's compose windows) shift by this much.
    if (mailColumn) document.documentElement.style.setProperty('--icc-dock-width', `${prefs.open ? shown : 0}px`);
    edge.setAttribute('aria-valuenow', String(shown));
  };

  const place = () => {
    const found = adapter.findDock();
    host.dataset.health = found.health.status;
    if (found.placement) {
      frame.classList.remove('floating');
      mailColumn = found.placement.mailColumn;
      host.style.cssText = `display:${prefs.open ? 'block' : 'none'};flex:0 0 ${shown}px;width:${shown}px;align-self:stretch;position:relative;min-height:0`;
      if (found.placement.anchor.nextElementSibling !== host) found.placement.anchor.after(host);
      ensurePageStyle(found.placement.pageCss);
    } else {
      if (host.parentElement !== document.body) {
        console.warn(
          `[command-center] ${adapter.site} layout not recognised; missing: ${found.health.missing.join(', ')}`,
        );
      }
      frame.classList.add('floating');
      mailColumn = null;
      host.style.cssText = `display:${prefs.open ? 'block' : 'none'};position:fixed;top:0;right:0;bottom:0;width:${shown}px;z-index:2147483000`;
      if (host.parentElement !== document.body) document.body.append(host);
      document.getElementById(PAGE_STYLE_ID)?.remove();
      document.documentElement.style.removeProperty('--icc-dock-width');
    }
    applyWidth();
    launcher.setVisible(!prefs.open);
  };

  const setOpen = (open: boolean, { focus = false } = {}) => {
    // Closing while the rep is in the sidebar: focus goes back to where they were in the webmail.
    const hadFocus = document.activeElement === host;
    prefs = { ...prefs, open };
    place();
    void saveDockPrefs(adapter.site, prefs);
    if (open && focus) ui.iframe.focus();
    if (!open && hadFocus) focusOutside.restore(() => launcher.focus());
  };

  attachResize(
    edge,
    () => shown,
    limit,
    (width, done) => {
      prefs = { ...prefs, width };
      applyWidth();
      if (done) void saveDockPrefs(adapter.site, prefs);
    },
  );

  place();
  ui.mount();
  ctx.addEventListener(window, 'resize', applyWidth);

  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  // The keyboard command arrives from the background; close and compose requests from our own iframe.
  const onTabMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab) return;
    const parsed = parseWith(tabMessageSchema, message);
    if (!parsed.ok) return;
    if (parsed.value.kind === 'sidebar.toggle') return void setOpen(!prefs.open, { focus: true });
    // A clicked reminder: open, and have the sidebar check in for the task that waits for it.
    setOpen(true, { focus: true });
    const checkIn: HostMessage = { channel: CHANNEL, kind: 'sidebar.checkIn' };
    ui.iframe.contentWindow?.postMessage(checkIn, extensionOrigin);
    return Promise.resolve(true);
  };
  browser.runtime.onMessage.addListener(onTabMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onTabMessage));

  let composing = Promise.resolve();
  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    if (event.source !== ui.iframe.contentWindow || event.origin !== extensionOrigin) return;
    const parsed = parseWith(frameMessageSchema, event.data);
    if (!parsed.ok) return;
    const message = parsed.value;
    if (message.kind === 'sidebar.ready') guard.hello();
    else if (message.kind === 'sidebar.close') setOpen(false);
    else {
      // One at a time: each waits for "the compose that was not there before", which two
      // overlapping requests would both take for theirs.
      composing = composing
        .then(() => openPrefilledCompose(adapter, message, ctx.signal))
        .then(reportPrefill, (error: unknown) => console.warn('[command-center] prefilled compose failed', error));
    }
  });

  // Gmail and Outlook are single-page apps that re-render whole regions on navigation.
  ctx.addEventListener(window, 'wxt:locationchange', place);
  ctx.setInterval(() => {
    if (!host.isConnected || (host.parentElement === document.body) !== frame.classList.contains('floating')) place();
    guard.check();
  }, RECHECK_MS);

  ctx.onInvalidated(() => {
    host.remove();
    launcher.remove();
    document.getElementById(PAGE_STYLE_ID)?.remove();
    document.documentElement.style.removeProperty('--icc-dock-width');
  });
}

function reportPrefill({ opened, skipped, missing }: PrefillResult): void {
  if (!opened) console.warn('[command-center] no new compose opened for the prefilled message');
  if (skipped.length > 0) console.warn('[command-center] prefilled compose: skipped, not addresses:', skipped);
  if (missing.length > 0) console.warn('[command-center] prefilled compose: parts not found:', missing);
}

function ensurePageStyle(css: string): void {
  if (document.getElementById(PAGE_STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = PAGE_STYLE_ID;
  style.textContent = css;
  (document.head ?? document.documentElement).append(style);
}
