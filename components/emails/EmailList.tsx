import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/t';
import { type EmailSource, sourceKey } from '../../lib/store/email-source';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNote } from '../ui/ErrorNote';
import { EmailRowView, ROW_HEIGHT } from './EmailRowView';
import { FOLDER_LABELS } from './folder-labels';
import { useRowAnchors } from './use-row-anchors';
import { type SourceWindow, useSourceWindow } from './use-source-window';

/** Rows fetched beyond the visible ones, so a scroll shows rows at once while the next window loads. */
const OVERSCAN = 30;
/** The window moves in steps of this many rows, so small scrolls do not re-query. */
const STEP = 20;
/** Room below the last row, so the toast never sits on top of it. */
const BOTTOM_ROOM = 64;

/** Where the rep was in a list when they opened an email: the list comes back there, focus on that row. */
export interface ListPlace {
  /** `sourceKey` of the folder (and filter), search or list. */
  source: string;
  scrollTop: number;
  emailId: string;
}

interface Props {
  source: EmailSource;
  /** The list's accessible name (the folder's, the list's, "Search results"). */
  label: string;
  onPage: (page: SourceWindow) => void;
  /** The place to come back to, when it is in this source. */
  returnTo?: ListPlace | undefined;
  onScrollTop?: (scrollTop: number) => void;
  /** What an empty search or list says (a folder says it is empty, or that nothing matches the filter). */
  empty?: { title: string; body?: string };
  /** Rows to mark as new besides those the window names (a list remembers them from before it was opened). */
  marked?: ReadonlySet<string>;
}

/**
 * A folder's, a search's or a list's emails, virtualised: only the rows in view (plus a margin)
 * are queried and rendered, so 100,000 emails scroll like 100. The window is a live query:
 * changes push in.
 */
export function EmailList({ source, label, onPage, returnTo, onScrollTop, empty, marked }: Props) {
  const key = sourceKey(source);
  const viewport = useRef<HTMLDivElement>(null);
  const place = useRef(returnTo?.source === key ? returnTo : undefined);
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
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new source starts at the top; the effect reads none of it.
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    place.current = undefined;
    viewport.current?.scrollTo({ top: 0 });
    setScrollTop(0);
  }, [key]);

  const first = Math.floor(scrollTop / ROW_HEIGHT);
  const offset = Math.max(0, Math.floor((first - OVERSCAN) / STEP) * STEP);
  const limit = Math.ceil(height / ROW_HEIGHT) + 2 * OVERSCAN;
  const anchors = useRowAnchors(key);
  // Anchors seek along a folder's own index; filters, searches and lists are read whole.
  const anchor = source.kind === 'folder' && !source.filter ? anchors.near(offset) : undefined;
  const live = useSourceWindow(source, offset, limit, anchor);
  // While the next window of the same source loads, keep showing the last one (no flash of
  // emptiness); never show another source's rows under this one's name.
  const last = useRef<{ key: string; page: SourceWindow } | null>(null);
  if (last.current?.key !== key) last.current = null;
  if (live.status === 'ready' && last.current?.page !== live.window) {
    last.current = { key, page: live.window };
    anchors.learn(live.window);
  }
  if (live.status === 'unavailable') last.current = null;
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
  const fresh = new Set([...(page?.newIds ?? []), ...(marked ?? [])]);
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
        <ErrorNote message={live.message} />
      ) : live.status === 'unavailable' ? null : page && page.total === 0 ? (
        <EmptyState {...emptyText(source, empty)} />
      ) : (
        // biome-ignore lint/a11y/useSemanticElements: rows are absolutely placed by the virtual list; the roles keep them a list for assistive technology.
        <div
          class="list-space"
          role="list"
          aria-label={label}
          style={{ height: `${(page?.total ?? 0) * ROW_HEIGHT + BOTTOM_ROOM}px` }}
        >
          {page?.rows.map((row, index) => {
            const position = page.offset + index;
            if (position < visibleFirst || position > visibleLast) return null;
            return (
              <EmailRowView
                key={row.id}
                row={row}
                index={position}
                showStatus={source.kind !== 'folder'}
                isNew={fresh.has(row.id)}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

function emptyText(source: EmailSource, empty: Props['empty']): { title: string; body?: string } {
  if (source.kind !== 'folder') return empty ?? { title: t('searchNoResults') };
  return { title: source.filter ? t('noMatches', source.filter) : t('folderEmpty', t(FOLDER_LABELS[source.status])) };
}
