import { useState } from 'preact/hooks';
import { actionsForAll } from '../../lib/emails/actions-by-status';
import { formatCount, t, tn } from '../../lib/i18n/t';
import { type EmailSource, sourceKey } from '../../lib/store/email-source';
import { useView } from '../app/view-store-context';
import { ActionButtons } from './ActionButtons';
import { ACTION_PROGRESS } from './action-labels';
import { useEmailActions } from './EmailActionsProvider';
import { FOLDER_LABELS } from './folder-labels';
import { readSourceMembers } from './read-source-members';
import { CHUNK } from './run-action';
import type { SourceWindow } from './use-source-window';

/**
 * Select all: the whole folder, filtered result, search result or list (never just the rows that
 * happen to be loaded), said in words with its count; with a selection, the actions for exactly
 * that set and their progress. A selection across folders offers what every email in it allows.
 */
export function BulkBar({
  source,
  name,
  page,
}: {
  source: EmailSource;
  /** A list's name, for "All 12 emails in “Hot leads” are selected". */
  name?: string;
  page: SourceWindow | null;
}) {
  const selected = useView((state) => state.selected);
  const scope = useView((state) => state.selectionScope);
  const selectAll = useView((state) => state.selectAll);
  const clearSelection = useView((state) => state.clearSelection);
  const { progress, cancel } = useEmailActions();
  const [selecting, setSelecting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const targets = Object.entries(selected).map(([id, email]) => ({ id, ...email }));
  const total = page?.total ?? 0;
  const key = sourceKey(source);

  if (progress) {
    return (
      <div class="bulk-bar" role="status" data-testid="bulk-progress">
        <span>{t(ACTION_PROGRESS[progress.action], [formatCount(progress.done), formatCount(progress.total)])}</span>
        <progress max={progress.total} value={progress.done} />
        {progress.total > CHUNK && (
          <button type="button" data-testid="bulk-cancel" disabled={progress.stopping === true} onClick={cancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    );
  }

  const takeAll = async () => {
    setSelecting(true);
    setError(null);
    try {
      const members = await readSourceMembers(source);
      selectAll(members, { source: key, total: members.length });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSelecting(false);
    }
  };
  const all = scope !== null && scope.source === key && scope.total === targets.length;
  const summary = selecting
    ? t('selecting')
    : all
      ? allSelectedText(source, targets.length, name)
      : targets.length > 0
        ? tn('selectedCount', targets.length)
        : tn('totalCount', total);
  const { actions, mixed } = actionsForAll(new Set(targets.map((target) => target.status)));

  return (
    <div class="bulk-bar" data-testid="bulk-bar">
      <label class="select-all">
        <input
          type="checkbox"
          checked={all}
          indeterminate={targets.length > 0 && !all}
          disabled={total === 0 || selecting}
          aria-label={selectAllLabel(source, name)}
          data-testid="select-all"
          onChange={(event) => (event.currentTarget.checked ? void takeAll() : clearSelection())}
        />
        <span class="bulk-summary" role="status" data-testid="selection-summary">
          {error ?? summary}
        </span>
      </label>
      {targets.length > 0 && (
        <span class="bulk-actions">
          <ActionButtons actions={actions} targets={targets} />
          {mixed && (
            <span class="bulk-note" data-testid="bulk-mixed">
              {actions.length > 0 ? t('bulkSharedActions') : t('bulkNoSharedActions')}
            </span>
          )}
          <button type="button" class="link" onClick={clearSelection}>
            {t('clearSelection')}
          </button>
        </span>
      )}
    </div>
  );
}

function allSelectedText(source: EmailSource, count: number, name: string | undefined): string {
  if (source.kind === 'folder')
    return source.filter
      ? tn('allMatchingSelected', count, [source.filter])
      : tn('allInFolderSelected', count, [t(FOLDER_LABELS[source.status])]);
  if (source.kind === 'list') return tn('allInListSelected', count, [name ?? '']);
  return tn('allFoundSelected', count);
}

function selectAllLabel(source: EmailSource, name: string | undefined): string {
  if (source.kind === 'folder')
    return source.filter ? t('selectAllMatching', source.filter) : t('selectAllIn', t(FOLDER_LABELS[source.status]));
  if (source.kind === 'list') return t('selectAllInList', name ?? '');
  return t('selectAllFound');
}
