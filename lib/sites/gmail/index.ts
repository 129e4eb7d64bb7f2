import { clickControl } from '../compose-input';
import type { SiteAdapter } from '../site-adapter';
import { watchComposes } from '../watch-composes';
import { createComposeView } from './compose';
import { findGmailDock } from './layout';
import {
  COMPOSE_BUTTON,
  COMPOSE_ROOT,
  MESSAGE_BODY_IMAGES,
  QUOTED_HISTORY,
  UNDO_SEND,
  UNDO_WINDOW_MS,
} from './selectors';

export const gmailAdapter: SiteAdapter = {
  site: 'gmail',
  findDock: findGmailDock,
  openCompose: (doc = document) => clickControl(doc, COMPOSE_BUTTON),
  messageImages: MESSAGE_BODY_IMAGES,
  quotedHistory: QUOTED_HISTORY,
  undoSend: { control: UNDO_SEND, windowMs: UNDO_WINDOW_MS },
  onComposeOpened: (handler, signal, doc) =>
    watchComposes({ marker: COMPOSE_ROOT, createView: createComposeView }, handler, signal, doc),
};
