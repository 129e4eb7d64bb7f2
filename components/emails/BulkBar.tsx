import { useState } from 'preact/hooks';
import type { FolderPage } from '../../lib/emails/folder-page';
import type { EmailStatus } from '../../lib/emails/status';
import { formatCount, t, tn } from '../../lib/i18n/t';
import { readQueryOnce } from '../../lib/messaging/use-live-query';
import { useView } from '../app/view-store-context';
import { ActionButtons } from './ActionButtons';
import { ACTION_PROGRESS } from './action-labels';
import { useEmailActions } from './EmailActionsProvider';
import { FOLDER_LABELS } from './folder-labels';

/**
 * Select all: the whole folder or the whole filtered result (never just the rows that happen to
 * be loaded), said in words with its count; with a selection, the folder's actions for exactly
 * that set and their progress.
 */
export function BulkBar({ status, filter, page }: { status: EmailStatus; filter: string; page: FolderPage | null }) {
  const selected = useView((state) => state.selected);
  const scope = useView((state) => state.selectionScope);
  const selectAll = useView((state) => state.selectAll);
  const clearSelection = useView((state) => state.clearSelection);
  const { progress } = useEmailActions();
  const [selecting, setSelecting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const targets = Object.entries(selected).map(([id, { campaign }]) => ({ id, campaign }));
  const total = page?.total ?? 0;
  const folderName = t(FOLDER_LABELS[status]);

  if (progress) {
    return (
      <div class="bulk-bar" role="status" data-testid="bulk-progress">
        <span>{t(ACTION_PROGRESS[progress.action], [formatCount(progress.done), formatCount(progress.total)])}</span>
        <progress max={progress.total} value={progress.done} />
      </div>
    );
  }

  const takeAll = async () => {
    setSelecting(true);
    setError(null);
    try {
      const members = await readQueryOnce('folders.members', { status, ...(filter ? { filter } : {}) });
      const inCampaign = new Set(members.campaignIds);
      selectAll(
        members.ids.map((id) => ({ id, campaign: inCampaign.has(id) })),
        { folder: status, filter, total: members.ids.length },
      );
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSelecting(false);
    }
  };
  const all = scope !== null && scope.folder === status && scope.filter === filter && scope.total === targets.length;
  const summary = selecting
    ? t('selecting')
    : all
      ? filter
        ? tn('allMatchingSelected', targets.length, [filter])
        : tn('allInFolderSelected', targets.length, [folderName])
      : targets.length > 0
        ? tn('selectedCount', targets.length)
        : tn('totalCount', total);

  return (
    <div class="bulk-bar" data-testid="bulk-bar">
      <label class="select-all">
        <input
          type="checkbox"
          checked={all}
          indeterminate={targets.length > 0 && !all}
          disabled={total === 0 || selecting}
          aria-label={filter ? t('selectAllMatching', filter) : t('selectAllIn', folderName)}
          data-testid="select-all"
          onChange={(event) => (event.currentTarget.checked ? void takeAll() : clearSelection())}
        />
        <span class="bulk-summary" role="status" data-testid="selection-summary">
          {error ?? summary}
        </span>
      </label>
      {targets.length > 0 && (
        <span class="bulk-actions">
          <ActionButtons status={status} targets={targets} />
          <button type="button" class="link" onClick={clearSelection}>
            {t('clearSelection')}
          </button>
        </span>
      )}
    </div>
  );
}
