import type { SiteAdapter } from '../site-adapter';
import { findOutlookDock } from './layout';

export const outlookAdapter: SiteAdapter = { site: 'outlook', findDock: findOutlookDock };
