import type { SiteAdapter } from '../site-adapter';
import { findGmailDock } from './layout';

export const gmailAdapter: SiteAdapter = { site: 'gmail', findDock: findGmailDock };
