import type { AnchorSpec } from '../find-dock';

// Outlook on the web markup we rely on. Sources: shared/reference/webmail-dom.md §2.
// OWA's generated classes churn every few months (EV history, §2.7), so only ids and roles here.

/** The reading pane (EV 2022-04/06, TG 2024-09 `#ReadingPaneContainerId`). */
export const READING_PANE: AnchorSpec = { name: 'reading pane', selector: '#ReadingPaneContainerId' };

/** The main region (BR, MV `closest('[role=main]')`). Our sidebar docks right after it. */
export const MAIN_REGION: AnchorSpec = { name: 'main region', selector: '[role=main]' };

export const SHRINK_MAIN_REGION_CSS = `
  [role=main] { flex: 1 1 auto !important; min-width: 0 !important; }
`;
