import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { useStore } from 'zustand';
import type { ViewState, ViewStore } from '../../lib/store/view-store';

export const ViewStoreContext = createContext<ViewStore | null>(null);

/** Reads a slice of this context's view store; re-renders only when that slice changes. */
export function useView<T>(select: (state: ViewState) => T): T {
  const store = useContext(ViewStoreContext);
  if (!store) throw new Error('useView outside ViewStoreContext');
  return useStore(store, select);
}
