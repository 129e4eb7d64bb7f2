// `npm run bench`: measures the extension against the budgets in the issues and prints a
// Markdown table (copied into BENCHMARKS.md). Needs a build (`npm run build`) and Chromium.
import { existsSync } from 'node:fs';
import { EXTENSION_DIR } from '../support/launch-extension.ts';
import { measureBundleSizes } from './bundle-sizes.ts';
import { measureSidebarVisible } from './sidebar-visible.ts';
import { fmt, median } from './stats.ts';

if (!existsSync(EXTENSION_DIR)) {
  console.error(`No build at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  process.exit(1);
}

const rows: string[] = ['| measure | figure | budget | within |', '|---|---|---|---|'];
for (const size of measureBundleSizes(EXTENSION_DIR)) {
  rows.push(`| ${size.name}, gzipped | ${fmt(size.gzipKb)} KB | ≤ ${size.budgetKb} KB | ${size.gzipKb <= size.budgetKb ? 'yes' : 'NO'} |`);
}

const visible = await measureSidebarVisible(5);
rows.push(`| sidebar visible after content script start (Gmail fixture, median of 5) | ${fmt(median(visible))} ms (runs: ${visible.map((v) => fmt(v, 1)).join(', ')}) | ≤ 300 ms | ${median(visible) <= 300 ? 'yes' : 'NO'} |`);

console.log(rows.join('\n'));
