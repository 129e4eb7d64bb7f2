import { useEffect, useState } from 'preact/hooks';
import { formatDateTime } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/t';
import { describeSyncFailure } from '../../lib/tracking/problem-text';
import { type SyncStatus, syncStatus } from '../../lib/tracking/sync-status';

/** A mark in the header while the tracking server cannot be reached: engagement may be behind. */
export function SyncHealth() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    void syncStatus.getValue().then(setStatus);
    return syncStatus.watch(setStatus);
  }, []);
  if (!status || status.ok) return null;
  return (
    <span
      class="sync-health"
      role="status"
      data-testid="sync-health"
      data-problem={status.code}
      title={`${describeSyncFailure(status)} (${formatDateTime(status.at)})`}
    >
      {t('syncFailed')}
    </span>
  );
}
