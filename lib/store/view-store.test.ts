import { describe, expect, it } from 'vitest';
import { createViewStore } from './view-store';

describe('view store', () => {
  it('opens a primary tab on its first sub-folder, forgetting the selection and open email', () => {
    const store = createViewStore();
    store.getState().toggleSelected('a', { status: 'delivered', campaign: false });
    store.getState().openEmail('a');
    store.getState().showTab('undelivered');
    expect(store.getState()).toMatchObject({ tab: 'undelivered', folder: 'failed', selected: {}, openEmailId: null });
  });

  it('toggles selection and remembers which selected emails belong to a campaign', () => {
    const store = createViewStore();
    store.getState().selectAll(
      [
        { id: 'a', status: 'delivered', campaign: true },
        { id: 'b', status: 'archived', campaign: false },
      ],
      { source: 'search:x', total: 2 },
    );
    expect(store.getState().selectionScope).toEqual({ source: 'search:x', total: 2 });
    store.getState().toggleSelected('b', { status: 'archived', campaign: false });
    expect(store.getState().selected).toEqual({ a: { status: 'delivered', campaign: true } });
    // One email taken out by hand: no longer "all of the folder".
    expect(store.getState().selectionScope).toBeNull();
  });

  it('starts a new selection when the filter changes (the old one is not what the rep sees)', () => {
    const store = createViewStore();
    store.getState().selectAll([{ id: 'a', status: 'delivered', campaign: false }], { source: 'folder', total: 1 });
    store.getState().setFilterText('dana');
    expect(store.getState()).toMatchObject({ selected: {}, selectionScope: null });
  });

  it('shows an email only in the section it was opened in, and leaving a list closes it', () => {
    const store = createViewStore({ section: 'lists' });
    store.getState().openEmail('a');
    expect(store.getState()).toMatchObject({ openEmailId: 'a', openEmailIn: 'lists' });
    store.getState().toggleSelected('a', { status: 'delivered', campaign: false });
    store.getState().showListsView({ kind: 'search' });
    expect(store.getState()).toMatchObject({ openEmailId: null, selected: {}, listsView: { kind: 'search' } });
  });

  it('gives each test (and each UI) its own store', () => {
    createViewStore().getState().showSection('tasks');
    expect(createViewStore().getState().section).toBe('emails');
  });
});
