import { t } from '../i18n/t';
import { LAUNCHER_CSS } from './dock-styles';

/** The round button that opens the sidebar when it is closed (in its own shadow root). */
export function createLauncher(onOpen: () => void) {
  const host = document.createElement('icc-launcher');
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = `<style>${LAUNCHER_CSS}</style><button type="button">CC</button>`;
  const button = shadow.querySelector('button')!;
  button.setAttribute('aria-label', t('openSidebar'));
  button.title = t('openSidebar');
  button.addEventListener('click', onOpen);
  // Keys pressed on our button are ours: keep them from Gmail's and Outlook's shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress'] as const)
    host.addEventListener(type, (event) => event.stopPropagation());
  document.body.append(host);
  return {
    setVisible(visible: boolean) {
      button.hidden = !visible;
      if (!host.isConnected) document.body.append(host);
    },
    focus: () => button.focus(),
    remove: () => host.remove(),
  };
}
