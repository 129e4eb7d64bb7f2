import { t } from '../../lib/i18n/t';
import { useConnectionState } from '../../lib/messaging/use-live-query';
import { DemoSwitch } from './DemoSwitch';
import { SyncHealth } from './SyncHealth';

interface Props {
  onClose: () => void;
  onError: (message: string) => void;
}

/** Title, demo switch and close on one line; notes about the connection on their own line below. */
export function Header({ onClose, onError }: Props) {
  const connection = useConnectionState();
  return (
    <>
      <header class="header">
        <h1 class="title" title={t('extName')}>
          {t('sidebarTitle')}
        </h1>
        <div class="header-end">
          <DemoSwitch onError={onError} />
          <button
            type="button"
            class="icon-button"
            aria-label={t('closeSidebar')}
            title={t('closeSidebar')}
            onClick={onClose}
            data-testid="close-sidebar"
          >
            ×
          </button>
        </div>
      </header>
      <div class="header-notes">
        {connection === 'reconnecting' && (
          <span class="reconnecting" role="status" data-testid="reconnecting">
            {t('reconnecting')}
          </span>
        )}
        <SyncHealth />
      </div>
    </>
  );
}
