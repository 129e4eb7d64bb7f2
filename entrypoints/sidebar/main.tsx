import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '../../components/app/App';
import { ViewStoreContext } from '../../components/app/view-store-context';
import { createViewStore } from '../../lib/store/view-store';
import { CHANNEL, type FrameMessage } from '../../lib/messaging/protocol';
import { markVisibleWhenCountsArrive } from '../../components/app/visible-mark';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();

// The hosting content script accepts this only from our frame and our origin.
const parentOrigin = location.ancestorOrigins?.[0] ?? '*';
const close = () => window.parent.postMessage({ channel: CHANNEL, kind: 'sidebar.close' } satisfies FrameMessage, parentOrigin);

markVisibleWhenCountsArrive();
render(
  <ViewStoreContext.Provider value={createViewStore()}>
    <App onClose={close} />
  </ViewStoreContext.Provider>,
  document.getElementById('app')!,
);
