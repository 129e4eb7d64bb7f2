import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/t';
import { sendCommand } from '../../lib/messaging/client';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import type { EmailSource } from '../../lib/store/email-source';
import { BulkBar } from '../emails/BulkBar';
import { EmailList, type ListPlace } from '../emails/EmailList';
import type { SourceWindow } from '../emails/use-source-window';
import { ErrorNote } from '../ui/ErrorNote';
import { listNoteText } from './list-note-text';
import { SourceActions } from './SourceActions';

/**
 * One list's members, with the same rows, selection and actions as a folder. Opening it clears
 * its badge (`lists.open`); the rows that were new stay marked while the rep looks.
 */
export function ListMembers({
  id,
  returnTo,
  onScrollTop,
  onBack,
}: {
  id: string;
  returnTo: ListPlace | undefined;
  onScrollTop: (top: number) => void;
  onBack: () => void;
}) {
  const summary = useLiveQuery('lists.page', { id, offset: 0, limit: 1 });
  const source = useMemo<EmailSource>(() => ({ kind: 'list', id }), [id]);
  const [page, setPage] = useState<SourceWindow | null>(null);
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  // Opening clears the badge and answers which members were new: they stay marked while the rep looks.
  useEffect(() => {
    let live = true;
    sendCommand('lists.open', { id })
      .then((opened) => live && setMarked(new Set(opened.newIds)))
      .catch((failure: unknown) => live && setError(failure instanceof Error ? failure.message : String(failure)));
    return () => {
      live = false;
    };
  }, [id]);
  const list = summary.status === 'ready' ? summary.value?.list : undefined;
  const gone = summary.status === 'ready' && summary.value === null;

  return (
    <div class="list-members" data-testid="list-members">
      <div class="list-head">
        <button type="button" class="link" data-testid="lists-back" onClick={onBack}>
          {t('backToLists')}
        </button>
        <h2 class="list-title" data-testid="list-title">
          {list?.name ?? ''}
        </h2>
      </div>
      {list?.note && (
        <p class="list-note" data-testid="list-note">
          {listNoteText(list.note)}
        </p>
      )}
      {gone && <p class="muted list-note">{t('listGone')}</p>}
      {error && <ErrorNote message={error} />}
      {summary.status === 'error' && <ErrorNote message={summary.error.message} />}
      {!gone && (
        <>
          <SourceActions source={{ kind: 'list', id }} />
          <BulkBar source={source} name={list?.name ?? ''} page={page} />
          <EmailList
            source={source}
            label={list?.name ?? t('sectionLists')}
            onPage={setPage}
            returnTo={returnTo}
            onScrollTop={onScrollTop}
            marked={marked}
            empty={{ title: t('listEmpty'), body: t('listEmptyBody') }}
          />
        </>
      )}
    </div>
  );
}
