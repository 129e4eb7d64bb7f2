import type { EmailStatus } from '../../lib/emails/status';
import type { FolderPage } from '../../lib/emails/folder-page';
import { t } from '../../lib/i18n/t';
import { useView } from '../app/view-store-context';
import { ACTION_PROGRESS } from './action-labels';
import { ActionButtons } from './ActionButtons';
import { useEmailActions } from './EmailActionsProvider';

/** Select-all for the loaded rows; with a selection, the folder's actions for all of it and their progress. */
export function BulkBar({ status, page }: { status: EmailStatus; page: FolderPage | null }) {
  const selected = useView((state) => state.selected);
  const selectMany = useView((state) => state.selectMany);
  const clearSelection = useView((state) => state.clearSelection);
  const { progress } = useEmailActions();
  const targets = Object.entries(selected).map(([id, { campaign }]) => ({ id, campaign: campaign }));
  const loaded = page?.rows.filter((row) => row.kind === 'email') ?? [];

  if (progress) {
    return (
      <div class="bulk-bar" role="status" data-testid="bulk-progress">
        <span>{t(ACTION_PROGRESS[progress.action], [String(progress.done), String(progress.total)])}</span>
        <progress max={progress.total} value={progress.done} />
      </div>
    );
  }
  return (
    <div class="bulk-bar" data-testid="bulk-bar">
      <label class="select-all">
        <input
          type="checkbox"
          checked={targets.length > 0 && targets.length >= loaded.length}
          disabled={loaded.length === 0}
          aria-label={t('selectAllLoaded')}
          onChange={(event) =>
            event.currentTarget.checked
              ? selectMany(loaded.map((row) => ({ id: row.id, campaign: row.kind === 'email' && row.campaignId !== undefined })))
              : clearSelection()
          }
        />
        <span>{targets.length > 0 ? t('selectedCount', String(targets.length)) : t('totalCount', String(page?.total ?? 0))}</span>
      </label>
      {targets.length > 0 && (
        <>
          <ActionButtons status={status} targets={targets} />
          <button type="button" class="link" onClick={clearSelection}>
            {t('clearSelection')}
          </button>
        </>
      )}
    </div>
  );
}
