import { ACTIONS_BY_STATUS } from '../../lib/emails/actions-by-status';
import type { ListRow } from '../../lib/emails/email-row';
import { UNSENT_STATUSES } from '../../lib/emails/status';
import { formatDateTime, formatRelative, formatTimeOfDay } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/t';
import { useView } from '../app/view-store-context';
import { TaskChip } from '../tasks/TaskChip';
import { withoutBidiControls } from '../ui/bidi';
import { MailText } from '../ui/MailText';
import { ActionButtons } from './ActionButtons';
import { Engagement } from './Engagement';
import { FOLDER_LABELS } from './folder-labels';
import { Recipients } from './Recipients';
import { reasonText, warningRowText } from './reason-text';

export const ROW_HEIGHT = 72;

/**
 * One email in a folder, search or list, absolutely placed by the virtual list. Outside a folder
 * the row names its folder; a list's row that joined since the rep last looked is marked new.
 */
export function EmailRowView({
  row,
  index,
  showStatus = false,
  isNew = false,
}: {
  row: ListRow;
  index: number;
  showStatus?: boolean;
  isNew?: boolean;
}) {
  const selected = useView((state) => row.id in state.selected);
  const toggleSelected = useView((state) => state.toggleSelected);
  const openEmail = useView((state) => state.openEmail);
  const style = { top: `${index * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` };

  if (row.kind === 'damaged') {
    return (
      // biome-ignore lint/a11y/useSemanticElements: one row of the virtual list (EmailList.tsx), placed absolutely.
      <div class="row row-damaged" role="listitem" style={style} data-testid="email-row" data-id={row.id}>
        <span class="damaged-mark">{t('needsAttentionRow', row.problem)}</span>
      </div>
    );
  }
  const campaign = row.campaignId !== undefined;
  return (
    // biome-ignore lint/a11y/useSemanticElements: one row of the virtual list (EmailList.tsx), placed absolutely.
    <div
      class={`row ${selected ? 'row-selected' : ''} ${isNew ? 'row-new' : ''}`}
      role="listitem"
      style={style}
      data-testid="email-row"
      data-id={row.id}
    >
      <input
        type="checkbox"
        checked={selected}
        aria-label={t('selectEmail', withoutBidiControls(row.subject))}
        onChange={() => toggleSelected(row.id, { status: row.status, campaign })}
      />
      <button
        type="button"
        class="row-main"
        onClick={() => openEmail(row.id)}
        aria-label={t('openEmail', withoutBidiControls(row.subject))}
      >
        <span class="row-line">
          <Recipients to={row.to} />
          <time
            class="row-time"
            dateTime={new Date(row.folderDate).toISOString()}
            title={formatDateTime(row.folderDate)}
          >
            {formatRelative(row.folderDate)}
          </time>
        </span>
        <span class="row-subject">{row.subject ? <MailText text={row.subject} /> : t('noSubject')}</span>
        <span class="row-line row-meta">
          {isNew && (
            <span class="new-mark" data-testid="row-new">
              {t('listRowNew')}
            </span>
          )}
          {showStatus && (
            <span class="row-status" data-testid="row-status">
              {t(FOLDER_LABELS[row.status])}
            </span>
          )}
          {row.openTask && <TaskChip task={row.openTask} />}
          {row.campaignName && (
            <span class="campaign" title={row.campaignName}>
              {row.campaignName}
            </span>
          )}
          {row.failure ? (
            <span class="failure" title={reasonText(row.failure)}>
              {reasonText(row.failure)}
            </span>
          ) : row.warning ? (
            <span class="delivery-warning" data-testid="row-warning" title={reasonText(row.warning.reason)}>
              {warningRowText(row.warning.reason, formatTimeOfDay(row.warning.at))}
            </span>
          ) : row.untracked ? (
            <span class="untracked" data-testid="row-untracked" title={reasonText(row.untracked)}>
              {t('notTracked', reasonText(row.untracked))}
            </span>
          ) : (
            !UNSENT_STATUSES.has(row.status) && <Engagement engagement={row.engagement} />
          )}
        </span>
      </button>
      <ActionButtons
        compact
        actions={ACTIONS_BY_STATUS[row.status]}
        targets={[{ id: row.id, status: row.status, campaign }]}
      />
    </div>
  );
}
