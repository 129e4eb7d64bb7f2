import { useEffect, useRef, useState } from 'preact/hooks';
import type { FolderPage } from '../../lib/emails/folder-page';
import type { EmailStatus } from '../../lib/emails/status';
import { t } from '../../lib/i18n/t';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNote } from '../ui/ErrorNote';
import { EmailRowView, ROW_HEIGHT } from './EmailRowView';
import { FOLDER_LABELS } from './folder-labels';
import { useRowAnchors } from './use-row-anchors';

/** Rows fetched beyond the visible ones, so a scroll shows rows at once while the next window loads. */
const OVERSCAN = 30;
/** The window moves in steps of this many rows, so small scrolls do not re-query. */
const STEP = 20;
/** Room below the last row, so the toast never sits on top of it. */
const BOTTOM_ROOM = 64;

/** Where the rep was in a folder when they opened an email: the list comes back there, focus on that row. */
export interface ListPlace {
  folder: EmailStatus;
  filter: string;
  scrollTop: number;
  emailId: string;
}

interface Props {
  status: EmailStatus;
  filter: string;
  onPage: (page: FolderPage) => void;
  /** The place to come back to, when it is in this folder and filter. */
  returnTo?: ListPlace | undefined;
  onScrollTop?: (scrollTop: number) => void;
}

/**
 * A folder's emails, virtualised: only the rows in view (plus a margin) are queried and
 * rendered, so 100,000 emails scroll like 100. The window is a live query: changes push in.
 */
export function EmailList({ status, filter, onPage, returnTo, onScrollTop }: Props) {
  const viewport = useRef<HTMLDivElement>(null);
  const place = useRef(returnTo?.folder === status && returnTo.filter === filter ? returnTo : undefined);
  const [scrollTop, setScrollTop] = useState(place.current?.scrollTop ?? 0);
  const [height, setHeight] = useState(600);
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const firstRun = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new folder or filter starts at the top; the effect reads neither.
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    place.current = undefined;
    viewport.current?.scrollTo({ top: 0 });
    setScrollTop(0);
  }, [status, filter]);

  const first = Math.floor(scrollTop / ROW_HEIGHT);
  const offset = Math.max(0, Math.floor((first - OVERSCAN) / STEP) * STEP);
  const limit = Math.ceil(height / ROW_HEIGHT) + 2 * OVERSCAN;
  const anchors = useRowAnchors(status, filter);
  const anchor = filter ? undefined : anchors.near(offset);
  const live = useLiveQuery('folders.page', {
    status,
    offset,
    limit,
    ...(filter ? { filter } : {}),
    ...(anchor ? { anchor } : {}),
  });
  // While the next window of the same folder loads, keep showing the last one (no flash of
  // emptiness); never show another folder's rows under this folder's tab.
  const last = useRef<{ key: string; page: FolderPage } | null>(null);
  const folderKey = `${status}\u0000${filter}`;
  if (last.current?.key !== folderKey) last.current = null;
  if (live.status === 'ready' && last.current?.page !== live.value) {
    last.current = { key: folderKey, page: live.value };
    anchors.learn(live.value);
  }
  const page = last.current?.page ?? null;
  useEffect(() => {
    if (page) onPage(page);
  }, [page, onPage]);
  // Back from an email: once its rows are drawn, scroll to where the rep was and focus that row.
  useEffect(() => {
    const target = place.current;
    const element = viewport.current;
    if (!target || !page || !element) return;
    if (element.scrollTop !== target.scrollTop) element.scrollTop = target.scrollTop;
    const row = element.querySelector<HTMLElement>(`[data-id="${CSS.escape(target.emailId)}"] .row-main`);
    if (row || !page.rows.some((candidate) => candidate.id === target.emailId)) {
      row?.focus({ preventScroll: true });
      place.current = undefined;
    }
  });

  const visibleFirst = first - 5;
  const visibleLast = first + Math.ceil(height / ROW_HEIGHT) + 5;
  // The viewport stays mounted whatever it shows: the height observer watches this one element,
  // so an empty state or an error in between never leaves the list measuring a stale height.
  return (
    <div
      ref={viewport}
      class="list-viewport"
      data-testid="email-list"
      aria-busy={live.status === 'loading'}
      onScroll={(event) => {
        setScrollTop(event.currentTarget.scrollTop);
        onScrollTop?.(event.currentTarget.scrollTop);
      }}
    >
      {live.status === 'error' ? (
        <ErrorNote message={live.error.message} />
      ) : page && page.total === 0 ? (
        <EmptyState title={filter ? t('noMatches', filter) : t('folderEmpty', t(FOLDER_LABELS[status]))} />
      ) : (
        // biome-ignore lint/a11y/useSemanticElements: rows are absolutely placed by the virtual list; the roles keep them a list for assistive technology.
        <div
          class="list-space"
          role="list"
          aria-label={t(FOLDER_LABELS[status])}
          style={{ height: `${(page?.total ?? 0) * ROW_HEIGHT + BOTTOM_ROOM}px` }}
        >
          {page?.rows.map((row, index) => {
            const position = page.offset + index;
            if (position < visibleFirst || position > visibleLast) return null;
            return <EmailRowView key={row.id} row={row} index={position} />;
          })}
        </div>
      )}
    </div>
  );
}
