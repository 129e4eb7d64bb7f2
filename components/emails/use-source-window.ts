import type { ListRow } from '../../lib/emails/email-row';
import type { FolderPage } from '../../lib/emails/folder-page';
import type { RowAnchor } from '../../lib/emails/folder-window';
import type { ListPage } from '../../lib/lists/lists';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import type { SearchResult } from '../../lib/search/run-search';
import type { EmailSource } from '../../lib/store/email-source';

/** One window of rows of any source, as the list draws it. */
export interface SourceWindow {
  offset: number;
  total: number;
  rows: ListRow[];
  /** A list's rows that joined since the rep last opened it. */
  newIds?: readonly string[];
}

export type SourceLive =
  | { status: 'loading' }
  | { status: 'ready'; window: SourceWindow }
  | { status: 'error'; message: string }
  /** A search that does not check out (the builder points at the field), or a list that is gone. */
  | { status: 'unavailable' };

/**
 * The live window of a folder (`folders.page`), a search (`search.run`) or a list (`lists.page`):
 * each hook is called every time, only the source's own with arguments.
 */
export function useSourceWindow(
  source: EmailSource,
  offset: number,
  limit: number,
  anchor: RowAnchor | undefined,
): SourceLive {
  const folder = useLiveQuery(
    'folders.page',
    source.kind === 'folder'
      ? {
          status: source.status,
          offset,
          limit,
          ...(source.filter ? { filter: source.filter } : {}),
          ...(anchor ? { anchor } : {}),
        }
      : null,
  );
  const search = useLiveQuery('search.run', source.kind === 'search' ? { query: source.query, offset, limit } : null);
  const list = useLiveQuery('lists.page', source.kind === 'list' ? { id: source.id, offset, limit } : null);
  const live = source.kind === 'folder' ? folder : source.kind === 'search' ? search : list;
  if (live.status === 'loading') return live;
  if (live.status === 'error') return { status: 'error', message: live.error.message };
  const value = live.value;
  if (value === null || ('ok' in value && !value.ok)) return { status: 'unavailable' };
  // The answer itself (each has offset, total and rows), never a copy: the list compares windows
  // by identity, and a new object every render would draw for ever.
  const window: SourceWindow = value as FolderPage | ListPage | Extract<SearchResult, { ok: true }>;
  return { status: 'ready', window };
}
