import type { SiteAdapter } from '../site-adapter';
import { watchComposes } from '../watch-composes';
import { createComposeView } from './compose';
import { findOutlookDock } from './layout';
import { BODY_EDITABLE } from './selectors';

export const outlookAdapter: SiteAdapter = {
  site: 'outlook',
  findDock: findOutlookDock,
  onComposeOpened: (handler, signal, doc) =>
    watchComposes({ marker: BODY_EDITABLE, createView: createComposeView }, handler, signal, doc),
};
