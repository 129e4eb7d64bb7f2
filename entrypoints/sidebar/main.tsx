import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '../../components/app/App';
import { ViewStoreContext } from '../../components/app/view-store-context';
import { markVisibleWhenCountsArrive } from '../../components/app/visible-mark';
import { CHANNEL, type FrameMessage } from '../../lib/messaging/protocol';
import { createViewStore } from '../../lib/store/view-store';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();

// The hosting content script accepts this only from our frame and our origin.
const parentOrigin = location.ancestorOrigins?.[0] ?? '*';
const tellHost = (kind: FrameMessage['kind']) =>
  window.parent.postMessage({ channel: CHANNEL, kind } satisfies FrameMessage, parentOrigin);
const close = () => tellHost('sidebar.close');
// The hello after every load: the host puts our page back if a load comes without it.
tellHost('sidebar.ready');

markVisibleWhenCountsArrive();
render(
  <ViewStoreContext.Provider value={createViewStore()}>
    <App onClose={close} />
  </ViewStoreContext.Provider>,
  document.getElementById('app')!,
);
