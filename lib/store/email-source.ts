import type { EmailStatus } from '../emails/status';
import type { SearchQuery } from '../search/query';

// What an email list shows (issue #15): a folder (with its quick filter), a search's results or a
// list's members. The list, its selection and its bulk bar work the same on each.

export type EmailSource =
  | { kind: 'folder'; status: EmailStatus; filter: string }
  /** A query as the builder holds it: it may not check out (the list then shows nothing). */
  | { kind: 'search'; query: SearchQuery }
  | { kind: 'list'; id: string };

/** One string per source, equal for equal sources: a selection or a scroll place belongs to one. */
export function sourceKey(source: EmailSource): string {
  switch (source.kind) {
    case 'folder':
      return `folder\u0000${source.status}\u0000${source.filter}`;
    case 'search':
      return `search\u0000${JSON.stringify(source.query)}`;
    case 'list':
      return `list\u0000${source.id}`;
  }
}
