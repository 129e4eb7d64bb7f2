import { describe, expect, it } from 'vitest';
import { findCycles, type ImportGraph, readImports, resolveImport } from './import-graph';

describe('reading import statements', () => {
  it.each<[string, string, { specifier: string; typeOnly: boolean }[]]>([
    [
      'a named import',
      "import { saveEmail } from './email-writes';",
      [{ specifier: './email-writes', typeOnly: false }],
    ],
    [
      'a type import',
      "import type { CommandCenterDb } from '../db/database';",
      [{ specifier: '../db/database', typeOnly: true }],
    ],
    ['inline type names', "import { type A, b } from './x';", [{ specifier: './x', typeOnly: false }]],
    ['a namespace', "import * as v from 'valibot';", [{ specifier: 'valibot', typeOnly: false }]],
    [
      'over several lines',
      "import {\n  CHANNEL,\n  type CommandArgs,\n} from './protocol';",
      [{ specifier: './protocol', typeOnly: false }],
    ],
    [
      'a re-export',
      'export { isMailUrl } from \'./mail-hosts\';\nexport * from "./all";',
      [
        { specifier: './mail-hosts', typeOnly: false },
        { specifier: './all', typeOnly: false },
      ],
    ],
    ['a type re-export', "export type { Reason } from './reason';", [{ specifier: './reason', typeOnly: true }]],
    ['a side effect', "import './style.css';", [{ specifier: './style.css', typeOnly: false }]],
    ['a dynamic import', "const m = await import('./later.ts');", [{ specifier: './later.ts', typeOnly: false }]],
    ['a declaration that is not an import', "export const from = 'x';\nexport function f() { return from; }", []],
    ['a commented-out import', "// import { x } from './gone';", []],
  ])('%s', (_name, source, expected) => {
    expect(readImports(source)).toEqual(expected);
  });
});

describe('resolving a specifier to a source file', () => {
  const files = new Set([
    'lib/emails/actions.ts',
    'lib/emails/status.ts',
    'lib/ui/Row.tsx',
    'lib/errors/index.ts',
    'server/src/app.ts',
  ]);
  const isFile = (path: string) => files.has(path);
  it.each<[string, string, string, string | undefined]>([
    ['without extension', 'lib/emails/actions.ts', './status', 'lib/emails/status.ts'],
    ['with .ts (the server, the tests)', 'server/src/main.ts', './app.ts', 'server/src/app.ts'],
    ['with .js for a .ts file', 'server/src/main.ts', './app.js', 'server/src/app.ts'],
    ['up a folder, to a component', 'lib/emails/actions.ts', '../ui/Row', 'lib/ui/Row.tsx'],
    ['a folder with an index', 'lib/emails/actions.ts', '../errors', 'lib/errors/index.ts'],
    ['a WXT alias', 'components/x.tsx', '@/lib/emails/status', 'lib/emails/status.ts'],
    ['a package', 'lib/emails/actions.ts', 'dexie', undefined],
    ['a stylesheet', 'lib/emails/actions.ts', './style.css', undefined],
  ])('%s', (_name, from, specifier, expected) => {
    expect(resolveImport(from, specifier, isFile)).toBe(expected);
  });
});

describe('finding cycles', () => {
  const graphOf = (edges: Record<string, string[]>): ImportGraph =>
    new Map(
      Object.entries(edges).map(([file, targets]) => [file, targets.map((target) => ({ target, typeOnly: false }))]),
    );

  it('names the files of a cycle in import order, once per cycle', () => {
    const graph = graphOf({
      'a.ts': ['b.ts'],
      'b.ts': ['c.ts'],
      'c.ts': ['a.ts', 'd.ts'],
      'd.ts': [],
      'e.ts': ['e.ts'],
    });
    expect(findCycles(graph)).toEqual(['a.ts → b.ts → c.ts → a.ts', 'e.ts → e.ts']);
  });

  it('finds none in a graph that only goes down', () => {
    expect(findCycles(graphOf({ 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['c.ts'], 'c.ts': ['package-outside.ts'] }))).toEqual(
      [],
    );
  });
});
