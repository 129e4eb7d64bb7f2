import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '../../components/app/App';
import { ViewStoreContext } from '../../components/app/view-store-context';
import { markVisibleWhenCountsArrive } from '../../components/app/visible-mark';
import { tellHost } from '../../lib/messaging/frame-host';
import { CHANNEL } from '../../lib/messaging/protocol';
import { createViewStore } from '../../lib/store/view-store';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();

const close = () => tellHost({ channel: CHANNEL, kind: 'sidebar.close' });
// The hello after every load: the host puts our page back if a load comes without it.
tellHost({ channel: CHANNEL, kind: 'sidebar.ready' });

markVisibleWhenCountsArrive();
render(
  <ViewStoreContext.Provider value={createViewStore()}>
    <App onClose={close} />
  </ViewStoreContext.Provider>,
  document.getElementById('app')!,
);
