import { useRef } from 'preact/hooks';
import type { RowAnchor } from '../../lib/emails/folder-window';
import type { SourceWindow } from './use-source-window';

const LOOK_BACK = 200;

/**
 * Remembers where each loaded row sits in the folder, so the next window can be read from a
 * row just before it instead of counting from the top (see lib/emails/folder-window.ts).
 * Forgotten when the source (folder and filter) or its size changes (positions shifted).
 */
export function useRowAnchors(key: string) {
  const state = useRef({ key: '', total: -1, rows: new Map<number, RowAnchor>() });
  if (state.current.key !== key) state.current = { key, total: -1, rows: new Map() };
  return {
    learn(page: SourceWindow) {
      if (page.total !== state.current.total) {
        state.current.rows.clear();
        state.current.total = page.total;
      }
      page.rows.forEach((row, index) => {
        if (row.kind === 'email')
          state.current.rows.set(page.offset + index, {
            offset: page.offset + index,
            folderDate: row.folderDate,
            id: row.id,
          });
      });
    },
    near(offset: number): RowAnchor | undefined {
      for (let position = offset - 1; position >= Math.max(0, offset - LOOK_BACK); position--) {
        const anchor = state.current.rows.get(position);
        if (anchor) return anchor;
      }
      return undefined;
    },
  };
}
