import { findDockIn } from '../find-dock';
import type { SiteAdapter } from '../site-adapter';
import { APP_CONTAINER, MAIN_COLUMN, SHRINK_MAIN_COLUMN_CSS, SIDE_PANEL_WRAPPER } from './selectors';

/** Gmail: dock right of the side-panel wrapper, in the row that holds the main column (which shrinks). */
export const findGmailDock: SiteAdapter['findDock'] = (doc = document) =>
  findDockIn(doc, [APP_CONTAINER, MAIN_COLUMN], SIDE_PANEL_WRAPPER, SHRINK_MAIN_COLUMN_CSS, MAIN_COLUMN);
