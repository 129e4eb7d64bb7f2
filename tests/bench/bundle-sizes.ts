import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizeRow {
  name: string;
  gzipKb: number;
  budgetKb: number;
}

const gzipKb = (files: string[]) =>
  files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0) / 1024;

/** Gzipped size of each content script and of the JS the sidebar page loads, against the budgets. */
export function measureBundleSizes(dir: string): SizeRow[] {
  const rows: SizeRow[] = ['gmail', 'outlook'].map((site) => ({
    name: `content script (${site}), with compose`,
    gzipKb: gzipKb([join(dir, 'content-scripts', `${site}.js`)]),
    budgetKb: 25,
  }));
  // The sidebar page loads the scripts its HTML names, plus the chunks those import.
  const html = readFileSync(join(dir, 'sidebar.html'), 'utf8');
  const scripts = [...html.matchAll(/src="\/?([^"]+\.js)"/g)].map((match) => join(dir, match[1]!));
  const imported = new Set(scripts);
  for (const script of scripts) {
    for (const match of readFileSync(script, 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"/g))
      imported.add(join(dir, 'chunks', match[1]!));
  }
  rows.push({ name: 'sidebar page JS', gzipKb: gzipKb([...imported]), budgetKb: 80 });
  return rows;
}

export function listChunks(dir: string): string[] {
  return readdirSync(join(dir, 'chunks'));
}
