// Contact sheets for `npm run screenshots`: one picture per site × viewport with the locales as
// rows and the sidebar widths as columns, each tile labelled, so a person compares 18 at a glance.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface SheetLayout {
  sites: readonly string[];
  viewports: readonly string[];
  locales: readonly string[];
  widths: readonly string[];
  /** Rendered dock width per picture file, shown in the label (the widest is clamped by the code). */
  measured: ReadonlyMap<string, number>;
}

const TILE_WIDTH = 640;

/** Writes sheet-<site>-<viewport>.png into `dir`; returns how many it wrote. */
export function makeContactSheets(dir: string, layout: SheetLayout): number {
  let written = 0;
  for (const site of layout.sites) {
    for (const viewport of layout.viewports) {
      const [width, height] = viewport.split('x').map(Number) as [number, number];
      const tiles: string[] = [];
      for (const locale of layout.locales) {
        for (const dockWidth of layout.widths) {
          const file = `${site}-${viewport}-${dockWidth}-${locale}.png`;
          const rendered = layout.measured.get(file);
          const label = `${locale} · ${dockWidth}${dockWidth !== String(rendered) && rendered !== undefined ? ` (${rendered} px)` : ' px'}`;
          // A picture that failed leaves a pink gap, not a shifted grid.
          const image = existsSync(join(dir, file)) ? join(dir, file) : `xc:#f8d0d0[${width}x${height}!]`;
          tiles.push('-label', existsSync(join(dir, file)) ? label : `${label}: FAILED`, image);
        }
      }
      const sheet = join(dir, `sheet-${site}-${viewport}.png`);
      const montage = spawnSync(
        'montage',
        [
          '-font',
          'DejaVu-Sans',
          '-pointsize',
          '16',
          '-background',
          '#e8eaed',
          '-depth',
          '8',
          ...tiles,
          '-tile',
          `${layout.widths.length}x${layout.locales.length}`,
          '-geometry',
          `${TILE_WIDTH}x+8+8`,
          '-title',
          `${site} ${viewport} — locales as rows, sidebar widths as columns`,
          sheet,
        ],
        { encoding: 'utf8' },
      );
      if (montage.error || montage.status !== 0) {
        console.log(`✗ ${sheet}: montage failed: ${montage.error?.message ?? montage.stderr.trim()}`);
        continue;
      }
      console.log(`  ${sheet}`);
      written += 1;
    }
  }
  return written;
}
