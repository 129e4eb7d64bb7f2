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
    store.getState().selectMany([{ id: 'a', campaign: true }, { id: 'b', campaign: false }]);
    store.getState().toggleSelected('b', false);
    expect(store.getState().selected).toEqual({ a: { campaign: true } });
  });

  it('gives each test (and each UI) its own store', () => {
    createViewStore().getState().showSection('tasks');
    expect(createViewStore().getState().section).toBe('emails');
  });
});
