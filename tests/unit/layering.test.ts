import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, readImportGraph } from './import-graph';

const ROOT = resolve(import.meta.dirname, '../..');

// The domain: what the product knows and does, whichever context runs it. It sits below the
// protocol between contexts (lib/messaging), which imports it; never the other way round.
const DOMAIN = [
  'lib/emails',
  'lib/tracking',
  'lib/db',
  'lib/demo',
  'lib/errors',
  'lib/compose',
  'lib/tasks',
  'lib/search',
  'lib/people',
  'lib/lists',
];
const MESSAGING = 'lib/messaging/';

const graph = readImportGraph(ROOT, ['lib', 'components', 'server/src']);
const inFolder = (file: string, folder: string) => file.startsWith(`${folder}/`);

describe('layers of the code', () => {
  it('reads the real code (a graph with no files would pass everything)', () => {
    expect(graph.get('lib/emails/actions.ts')?.map((edge) => edge.target)).toContain('lib/emails/lifecycle.ts');
    expect(graph.get('server/src/main.ts')?.length).toBeGreaterThan(0);
  });

  it('keeps domain code below messaging: lib/emails, lib/tracking, lib/db, lib/demo… never import lib/messaging', () => {
    const upward = [...graph]
      .filter(([file]) => DOMAIN.some((folder) => inFolder(file, folder)))
      .flatMap(([file, edges]) =>
        edges
          .filter((edge) => edge.target.startsWith(MESSAGING))
          .map((edge) => `${file} imports ${edge.target}${edge.typeOnly ? ' (type only)' : ''}`),
      );
    expect(upward, 'move what the domain needs below lib/messaging (see lib/errors/refusal.ts)').toEqual([]);
  });

  // Type-only imports count: a cycle of types still means no file of it can be understood, or
  // changed, without the others (the cycle lib/errors/refusal.ts broke was partly type-only).
  it('has no import cycle among lib/, components/ and server/src/', () => {
    expect(findCycles(graph), 'each line is one cycle; move the shared part into a file both can import').toEqual([]);
  });
});
