import type { EmailRow } from '../../lib/emails/email-row';
import { formatDateTime, formatRelative } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/t';

/**
 * Views, clicks, reply and last activity counted from people (and image proxies, which are
 * people behind Gmail's or Yahoo's cache). Machine hits are shown apart, never added in.
 */
export function Engagement({ engagement }: { engagement: EmailRow['engagement'] }) {
  const machine = engagement.machineViews + engagement.machineClicks;
  return (
    <span class="engagement" data-testid="engagement">
      <span title={t('viewsHint')} data-testid="views">
        {t('viewsCount', String(engagement.views))}
      </span>
      <span title={t('clicksHint')} data-testid="clicks">
        {t('clicksCount', String(engagement.clicks))}
      </span>
      {engagement.replied && <span class="replied">{t('replied')}</span>}
      {engagement.lastActivityAt !== undefined && (
        <span title={formatDateTime(engagement.lastActivityAt)}>{formatRelative(engagement.lastActivityAt)}</span>
      )}
      {machine > 0 && (
        <span class="machine" title={t('machineHint')} data-testid="machine">
          {t('machineCount', String(machine))}
        </span>
      )}
    </span>
  );
}
