import { createStore, type StateCreator } from 'zustand/vanilla';
import { type EmailStatus, FOLDERS_BY_TAB, type PrimaryTab } from '../emails/status';
import { emptyQuery, type SearchQuery } from '../search/query';
import type { TaskView } from '../tasks/task-views';

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

/** What "select all" took: the whole folder, filtered result, search result or list (`sourceKey`). */
export interface SelectionScope {
  source: string;
  total: number;
}

/** A selected email: its status (which actions it offers) and whether it is a campaign email (deleting those asks first). */
export interface SelectedEmail {
  status: EmailStatus;
  campaign: boolean;
}

/** Selected emails of the list on show. */
export interface SelectionSlice {
  selected: Record<string, SelectedEmail>;
  /** Set while the selection is exactly everything "select all" found; any change by hand clears it. */
  selectionScope: SelectionScope | null;
  toggleSelected: (id: string, email: SelectedEmail) => void;
  selectAll: (rows: ({ id: string } & SelectedEmail)[], scope: SelectionScope) => void;
  clearSelection: () => void;
}

export interface DetailSlice {
  openEmailId: string | null;
  /** The section the email was opened in: only that one shows its detail. */
  openEmailIn: Section;
  openEmail: (id: string | null) => void;
}

/** The Lists section: every list, one list's members, or the search builder (with its query). */
export type ListsView = { kind: 'overview' } | { kind: 'list'; id: string } | { kind: 'search' };

export interface ListsSlice {
  listsView: ListsView;
  /** The search being built: kept while the rep looks at a list or another section. */
  searchQuery: SearchQuery;
  showListsView: (view: ListsView) => void;
  setSearchQuery: (query: SearchQuery) => void;
}

/** The Tasks tab: which view, the selected tasks (with the version the rep saw), the open task, Do mode. */
export interface TasksSlice {
  taskView: TaskView;
  selectedTasks: Record<string, number>;
  openTaskId: string | null;
  doMode: boolean;
  /** Tasks just completed or skipped here: hidden at once, before the background's answer. */
  leavingTasks: Record<string, true>;
  markLeaving: (ids: readonly string[], leaving: boolean) => void;
  showTaskView: (view: TaskView) => void;
  toggleTaskSelected: (id: string, version: number) => void;
  selectTasks: (tasks: { id: string; version: number }[]) => void;
  clearTaskSelection: () => void;
  /** Opens a task from anywhere (a notification, an email's row): the Tasks section shows it. */
  openTask: (id: string | null) => void;
  setDoMode: (on: boolean) => void;
}

/**
 * Crossing between Emails and Tasks: the task a reminder (or an email's task chip) asked to see,
 * and the email a task links to.
 */
export interface CrossSlice {
  focusedTaskId: string | null;
  /** Shows the Tasks tab with this task picked out (null: none). */
  focusTask: (id: string | null) => void;
  /** Shows the Emails tab with this email's detail open (a task's link back to its email). */
  showEmail: (id: string) => void;
}

export type ViewState = NavigationSlice &
  FilterSlice &
  SelectionSlice &
  DetailSlice &
  ListsSlice &
  TasksSlice &
  CrossSlice;

// Changing folder starts afresh: no selection, no open email.
const leaveFolder = { selected: {}, selectionScope: null, openEmailId: null };

const navigationSlice: StateCreator<ViewState, [], [], NavigationSlice> = (set) => ({
  section: 'emails',
  tab: 'sent',
  folder: 'delivered',
  showSection: (section) => set({ section }),
  // A primary tab opens on its first sub-folder, as the seed pages describe them.
  showTab: (tab) => set({ tab, folder: FOLDERS_BY_TAB[tab][0], ...leaveFolder }),
  showFolder: (folder) => set({ folder, ...leaveFolder }),
});

const selectionSlice: StateCreator<ViewState, [], [], SelectionSlice> = (set) => ({
  selected: {},
  selectionScope: null,
  toggleSelected: (id, email) =>
    set(({ selected }) => {
      const next = { ...selected };
      if (next[id]) delete next[id];
      else next[id] = { status: email.status, campaign: email.campaign };
      return { selected: next, selectionScope: null };
    }),
  selectAll: (rows, selectionScope) =>
    set({
      selected: Object.fromEntries(rows.map((row) => [row.id, { status: row.status, campaign: row.campaign }])),
      selectionScope,
    }),
  clearSelection: () => set({ selected: {}, selectionScope: null }),
});

const detailSlice: StateCreator<ViewState, [], [], DetailSlice> = (set) => ({
  openEmailId: null,
  openEmailIn: 'emails',
  openEmail: (openEmailId) => set(({ section }) => ({ openEmailId, openEmailIn: section })),
});

const listsSlice: StateCreator<ViewState, [], [], ListsSlice> = (set) => ({
  listsView: { kind: 'overview' },
  searchQuery: emptyQuery(),
  // Another list or the builder: a selection or an open email of the last one is not what the rep sees.
  showListsView: (listsView) =>
    set(({ openEmailIn, openEmailId }) => ({
      listsView,
      selected: {},
      selectionScope: null,
      openEmailId: openEmailIn === 'lists' ? null : openEmailId,
    })),
  setSearchQuery: (searchQuery) => set({ searchQuery, selected: {}, selectionScope: null }),
});

const tasksSlice: StateCreator<ViewState, [], [], TasksSlice> = (set) => ({
  taskView: 'today',
  selectedTasks: {},
  openTaskId: null,
  doMode: false,
  leavingTasks: {},
  markLeaving: (ids, leaving) =>
    set(({ leavingTasks }) => {
      const next = { ...leavingTasks };
      for (const id of ids) {
        if (leaving) next[id] = true;
        else delete next[id];
      }
      return { leavingTasks: next };
    }),
  showTaskView: (taskView) => set({ taskView, selectedTasks: {}, openTaskId: null }),
  toggleTaskSelected: (id, version) =>
    set(({ selectedTasks }) => {
      const next = { ...selectedTasks };
      if (id in next) delete next[id];
      else next[id] = version;
      return { selectedTasks: next };
    }),
  selectTasks: (tasks) => set({ selectedTasks: Object.fromEntries(tasks.map((task) => [task.id, task.version])) }),
  clearTaskSelection: () => set({ selectedTasks: {} }),
  openTask: (openTaskId) => set(openTaskId ? { openTaskId, section: 'tasks', doMode: false } : { openTaskId }),
  setDoMode: (doMode) => set({ doMode, openTaskId: null, selectedTasks: {} }),
});

const crossSlice: StateCreator<ViewState, [], [], CrossSlice> = (set) => ({
  focusedTaskId: null,
  // Leaves Do mode and any open task, so the task asked for is what the Tasks tab shows.
  focusTask: (focusedTaskId) =>
    set(focusedTaskId ? { focusedTaskId, section: 'tasks', doMode: false, openTaskId: null } : { focusedTaskId }),
  showEmail: (openEmailId) => set({ section: 'emails', openEmailId, openEmailIn: 'emails' }),
});

const filterSlice: StateCreator<ViewState, [], [], FilterSlice> = (set) => ({
  filterText: '',
  // A selection made under another filter is not what the rep now sees: start afresh.
  setFilterText: (filterText) => set({ filterText, selected: {}, selectionScope: null }),
});

export function createViewStore(initial: Partial<Pick<ViewState, 'section' | 'tab' | 'folder'>> = {}) {
  return createStore<ViewState>()((...a) => ({
    ...navigationSlice(...a),
    ...filterSlice(...a),
    ...selectionSlice(...a),
    ...detailSlice(...a),
    ...listsSlice(...a),
    ...tasksSlice(...a),
    ...crossSlice(...a),
    ...initial,
  }));
}

export type ViewStore = ReturnType<typeof createViewStore>;
