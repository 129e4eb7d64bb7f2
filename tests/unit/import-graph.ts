import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';

// A small reader of the import graph for the layering test. It understands what this code
// base writes: `import … from '…'`, `import type … from '…'`, `export … from '…'`,
// `import '…'` and `import('…')`. Type-only imports count as edges like any other.

export interface ImportStatement {
  specifier: string;
  typeOnly: boolean;
}

// The clause between the keyword and `from` holds only names, braces, commas, `*` and spaces,
// so the match cannot run on into a declaration such as `export const x = …`.
const FROM = /^[ \t]*(?:import|export)\s+(type\s+)?[\w$*{},\s]*?\s*from\s*['"]([^'"\n]+)['"]/gm;
const SIDE_EFFECT = /^[ \t]*import\s*['"]([^'"\n]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/** Every module a source file names, in the order written. */
export function readImports(source: string): ImportStatement[] {
  const found: { at: number; statement: ImportStatement }[] = [];
  for (const match of source.matchAll(FROM))
    found.push({ at: match.index, statement: { specifier: match[2]!, typeOnly: Boolean(match[1]) } });
  for (const match of source.matchAll(SIDE_EFFECT))
    found.push({ at: match.index, statement: { specifier: match[1]!, typeOnly: false } });
  for (const match of source.matchAll(DYNAMIC))
    found.push({ at: match.index, statement: { specifier: match[1]!, typeOnly: false } });
  return found.sort((a, b) => a.at - b.at).map((item) => item.statement);
}

// WXT's path aliases (.wxt/tsconfig.json) all point at the project root.
const ALIASES = ['@/', '~/', '@@/', '~~/'];

/**
 * The source file (relative to the root, `/`-separated) that `specifier` names from `from`, or
 * undefined for a package or a file that is not TypeScript (a stylesheet).
 */
export function resolveImport(from: string, specifier: string, isFile: (path: string) => boolean): string | undefined {
  const alias = ALIASES.find((prefix) => specifier.startsWith(prefix));
  let base: string;
  if (alias) base = posix.normalize(specifier.slice(alias.length));
  else if (specifier.startsWith('./') || specifier.startsWith('../')) base = posix.join(posix.dirname(from), specifier);
  else return undefined;
  const stem = base.replace(/\.(js|ts|tsx)$/, '');
  return [base, `${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`, `${stem}/index.tsx`].find(
    (path) => /\.tsx?$/.test(path) && isFile(path),
  );
}

export type ImportGraph = Map<string, { target: string; typeOnly: boolean }[]>;

/** Every .ts/.tsx file under `dirs` (relative to `root`) and the source files each imports. */
export function readImportGraph(root: string, dirs: readonly string[]): ImportGraph {
  const isFile = (path: string) => existsSync(posix.join(root, path));
  const graph: ImportGraph = new Map();
  for (const dir of dirs) {
    const files = readdirSync(posix.join(root, dir), { recursive: true, encoding: 'utf8' })
      .map((name) => posix.join(dir, name.split('\\').join('/')))
      .filter((path) => /\.tsx?$/.test(path) && !path.includes('node_modules/'));
    for (const file of files) {
      const edges = readImports(readFileSync(posix.join(root, file), 'utf8')).flatMap(({ specifier, typeOnly }) => {
        const target = resolveImport(file, specifier, isFile);
        return target ? [{ target, typeOnly }] : [];
      });
      graph.set(file, edges);
    }
  }
  return graph;
}

/**
 * One cycle per group of files that reach each other (Tarjan's strongly connected components),
 * written `a → b → c → a`. Only files in the graph are followed.
 */
export function findCycles(graph: ImportGraph): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const next = (file: string) =>
    (graph.get(file) ?? []).map((edge) => edge.target).filter((target) => graph.has(target));

  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of next(file)) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || next(file).includes(file)) groups.push(group);
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);

  return groups.map((group) => {
    // The shortest way from the group's first file back to itself, staying inside the group.
    const members = new Set(group);
    const start = [...group].sort()[0]!;
    const cameFrom = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const file = queue.shift()!;
      for (const target of next(file).filter((target) => members.has(target))) {
        if (target === start) {
          const path = [file];
          while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
          return [...path, start].join(' → ');
        }
        if (!cameFrom.has(target)) {
          cameFrom.set(target, file);
          queue.push(target);
        }
      }
    }
    return group.join(' → ');
  });
}
