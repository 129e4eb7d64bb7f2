import { clickControl } from '../compose-input';
import type { SiteAdapter } from '../site-adapter';
import { watchComposes } from '../watch-composes';
import { createComposeView } from './compose';
import { findGmailDock } from './layout';
import { COMPOSE_BUTTON, COMPOSE_ROOT, MESSAGE_BODY_IMAGES } from './selectors';

export const gmailAdapter: SiteAdapter = {
  site: 'gmail',
  findDock: findGmailDock,
  openCompose: (doc = document) => clickControl(doc, COMPOSE_BUTTON),
  messageImages: MESSAGE_BODY_IMAGES,
  onComposeOpened: (handler, signal, doc) =>
    watchComposes({ marker: COMPOSE_ROOT, createView: createComposeView }, handler, signal, doc),
};
