import type { SiteAdapter } from '../site-adapter';
import { findDockIn } from '../find-dock';
import { APP_CONTAINER, MAIN_COLUMN, SHRINK_MAIN_COLUMN_CSS, SIDE_PANEL_WRAPPER } from './selectors';

export const gmailAdapter: SiteAdapter = {
  site: 'gmail',
  findDock: (doc = document) => findDockIn(doc, [APP_CONTAINER, MAIN_COLUMN], SIDE_PANEL_WRAPPER, SHRINK_MAIN_COLUMN_CSS),
};
