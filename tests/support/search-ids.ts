import type { CommandCenterDb } from '../../lib/db/database.ts';
import { searchIds } from '../../lib/search/evaluate.ts';
import { checkQuery, type SearchQueryInput } from '../../lib/search/query.ts';

/** The ids a query as written finds, in its order; a query that does not check throws. */
export function searchIdsFor(db: CommandCenterDb, input: SearchQueryInput): Promise<string[]> {
  const checked = checkQuery(input);
  if (!checked.ok) throw new Error(JSON.stringify(checked));
  return searchIds(db, checked.query);
}
