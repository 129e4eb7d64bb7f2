import type { SiteAdapter } from '../site-adapter';
import { findDockIn } from '../find-dock';
import { MAIN_REGION, READING_PANE, SHRINK_MAIN_REGION_CSS } from './selectors';

export const outlookAdapter: SiteAdapter = {
  site: 'outlook',
  findDock: (doc = document) => findDockIn(doc, [READING_PANE], MAIN_REGION, SHRINK_MAIN_REGION_CSS),
};
