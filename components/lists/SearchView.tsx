import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CampaignChoice } from '../../lib/emails/campaigns';
import { t, tn } from '../../lib/i18n/t';
import { sendCommand } from '../../lib/messaging/client';
import { checkQuery, emptyQuery } from '../../lib/search/query';
import { type EmailSource, sourceKey } from '../../lib/store/email-source';
import { useView } from '../app/view-store-context';
import { BulkBar } from '../emails/BulkBar';
import { EmailList, type ListPlace } from '../emails/EmailList';
import type { SourceWindow } from '../emails/use-source-window';
import { useDebounced } from '../ui/use-debounced';
import { SaveListDialog } from './SaveListDialog';
import { SearchBuilder } from './SearchBuilder';
import { SourceActions } from './SourceActions';
import { problemOf } from './search-draft';

/**
 * Advanced search: the sentence builder, the live count and rows of its result (search.run), and
 * "Save as list". An invalid query runs nothing; the builder points at the part that is wrong.
 */
export function SearchView({
  returnTo,
  onScrollTop,
  onSaved,
}: {
  returnTo: ListPlace | undefined;
  onScrollTop: (top: number) => void;
  onSaved: (id: string, name: string) => void;
}) {
  const query = useView((state) => state.searchQuery);
  const setQuery = useView((state) => state.setSearchQuery);
  // Typing in a text box runs the search once the rep pauses, not on every key.
  const settled = useDebounced(query, 250);
  const checked = useMemo(() => checkQuery(settled), [settled]);
  const source = useMemo<EmailSource>(() => ({ kind: 'search', query: settled }), [settled]);
  const key = sourceKey(source);
  const [page, setPage] = useState<{ key: string; page: SourceWindow } | null>(null);
  const current = page?.key === key ? page.page : null;
  const [campaigns, setCampaigns] = useState<CampaignChoice[] | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    let live = true;
    sendCommand('campaigns.list', {})
      .then((list) => live && setCampaigns(list))
      .catch(() => live && setCampaigns([]));
    return () => {
      live = false;
    };
  }, []);
  const keyRef = useRef(key);
  keyRef.current = key;
  const onPage = useMemo(() => (next: SourceWindow) => setPage({ key: keyRef.current, page: next }), []);
  const problem = checked.ok
    ? null
    : checked.problem === 'newer'
      ? { part: undefined, text: t('listNoteNewer') }
      : (() => {
          const { part, message } = problemOf(checked.field);
          return { part, text: t(message, checked.message) };
        })();

  return (
    <div class="search-view">
      <div class="search-scroll">
        <SearchBuilder query={query} onChange={setQuery} campaigns={campaigns} problem={problem} />
      </div>
      {/* Outside the builder's scroll: the count and Save stay in view on the narrowest dock. */}
      <div class="search-result-bar">
        <span class="search-count" role="status" data-testid="search-count">
          {!checked.ok ? t('searchNotRun') : current ? tn('searchFound', current.total) : t('searchRunning')}
        </span>
        <button type="button" class="link" data-testid="search-reset" onClick={() => setQuery(emptyQuery())}>
          {t('searchReset')}
        </button>
        <button
          type="button"
          class="primary-button"
          data-testid="save-as-list"
          disabled={!checked.ok}
          onClick={() => setSaving(true)}
        >
          {t('saveAsList')}
        </button>
      </div>
      {checked.ok && (
        <>
          <SourceActions source={{ kind: 'search', query: settled }} />
          <BulkBar source={source} page={current} />
          <EmailList
            source={source}
            label={t('searchResults')}
            onPage={onPage}
            returnTo={returnTo}
            onScrollTop={onScrollTop}
            empty={{ title: t('searchNoResults'), body: t('searchNoResultsBody') }}
          />
        </>
      )}
      {saving && checked.ok && (
        <SaveListDialog
          onCancel={() => setSaving(false)}
          onSave={async (name) => {
            const id = crypto.randomUUID();
            await sendCommand('lists.save', { id, name, query: checked.query });
            setSaving(false);
            onSaved(id, name);
          }}
        />
      )}
    </div>
  );
}
