import type { EmailRecord } from '../db/records';

// A window of a search's results, as both ways of answering it give it (evaluate.ts, facet-page.ts).

export interface SearchPage {
  total: number;
  rows: EmailRecord[];
}

export interface PageRequest {
  offset: number;
  limit: number;
}
