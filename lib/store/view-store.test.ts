import { describe, expect, it } from 'vitest';
import { createViewStore } from './view-store';

describe('view store', () => {
  it('opens a primary tab on its first sub-folder, forgetting the selection and open email', () => {
    const store = createViewStore();
    store.getState().toggleSelected('a', false);
    store.getState().openEmail('a');
    store.getState().showTab('undelivered');
    expect(store.getState()).toMatchObject({ tab: 'undelivered', folder: 'failed', selected: {}, openEmailId: null });
  });

  it('toggles selection and remembers which selected emails belong to a campaign', () => {
    const store = createViewStore();
    store.getState().selectAll(
      [
        { id: 'a', campaign: true },
        { id: 'b', campaign: false },
      ],
      { folder: 'delivered', filter: '', total: 2 },
    );
    expect(store.getState().selectionScope).toEqual({ folder: 'delivered', filter: '', total: 2 });
    store.getState().toggleSelected('b', false);
    expect(store.getState().selected).toEqual({ a: { campaign: true } });
    // One email taken out by hand: no longer "all of the folder".
    expect(store.getState().selectionScope).toBeNull();
  });

  it('starts a new selection when the filter changes (the old one is not what the rep sees)', () => {
    const store = createViewStore();
    store.getState().selectAll([{ id: 'a', campaign: false }], { folder: 'delivered', filter: '', total: 1 });
    store.getState().setFilterText('dana');
    expect(store.getState()).toMatchObject({ selected: {}, selectionScope: null });
  });

  it('gives each test (and each UI) its own store', () => {
    createViewStore().getState().showSection('tasks');
    expect(createViewStore().getState().section).toBe('emails');
  });
});
