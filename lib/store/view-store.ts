import { createStore, type StateCreator } from 'zustand/vanilla';
import { FOLDERS_BY_TAB, type EmailStatus, type PrimaryTab } from '../emails/status';

// View state of one UI context (which section, tab and folder is showing). Domain data never
// lives here: it comes from live queries. Built from slices with a factory so each test gets a
// fresh store.

export type Section = 'emails' | 'tasks' | 'lists';

export interface NavigationSlice {
  section: Section;
  tab: PrimaryTab;
  folder: EmailStatus;
  showSection: (section: Section) => void;
  showTab: (tab: PrimaryTab) => void;
  showFolder: (folder: EmailStatus) => void;
}

export interface FilterSlice {
  filterText: string;
  setFilterText: (text: string) => void;
}

export type ViewState = NavigationSlice & FilterSlice;

const navigationSlice: StateCreator<ViewState, [], [], NavigationSlice> = (set) => ({
  section: 'emails',
  tab: 'sent',
  folder: 'delivered',
  showSection: (section) => set({ section }),
  // A primary tab opens on its first sub-folder, as the seed pages describe them.
  showTab: (tab) => set({ tab, folder: FOLDERS_BY_TAB[tab][0] }),
  showFolder: (folder) => set({ folder }),
});

const filterSlice: StateCreator<ViewState, [], [], FilterSlice> = (set) => ({
  filterText: '',
  setFilterText: (filterText) => set({ filterText }),
});

export function createViewStore(initial: Partial<Pick<ViewState, 'section' | 'tab' | 'folder'>> = {}) {
  return createStore<ViewState>()((...a) => ({ ...navigationSlice(...a), ...filterSlice(...a), ...initial }));
}

export type ViewStore = ReturnType<typeof createViewStore>;
