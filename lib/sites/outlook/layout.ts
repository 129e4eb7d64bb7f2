import { findDockIn } from '../find-dock';
import type { SiteAdapter } from '../site-adapter';
import { MAIN_REGION, READING_PANE, SHRINK_MAIN_REGION_CSS } from './selectors';

/** Outlook: dock right of the main region (message reading pane), in its row. */
export const findOutlookDock: SiteAdapter['findDock'] = (doc = document) =>
  findDockIn(doc, [READING_PANE], MAIN_REGION, SHRINK_MAIN_REGION_CSS);
