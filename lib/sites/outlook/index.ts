import { clickControl } from '../compose-input';
import type { SiteAdapter } from '../site-adapter';
import { watchComposes } from '../watch-composes';
import { createComposeView } from './compose';
import { findOutlookDock } from './layout';
import { BODY_EDITABLE, NEW_MAIL_BUTTON, QUOTED_HISTORY, UNDO_SEND, UNDO_WINDOW_MS } from './selectors';

export const outlookAdapter: SiteAdapter = {
  site: 'outlook',
  findDock: findOutlookDock,
  openCompose: (doc = document) => clickControl(doc, NEW_MAIL_BUTTON),
  messageImages: null,
  quotedHistory: QUOTED_HISTORY,
  undoSend: { control: UNDO_SEND, windowMs: UNDO_WINDOW_MS },
  onComposeOpened: (handler, signal, doc) =>
    watchComposes({ marker: BODY_EDITABLE, createView: createComposeView }, handler, signal, doc),
};
