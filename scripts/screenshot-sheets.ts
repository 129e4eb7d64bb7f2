// Contact sheets for `npm run screenshots`: one picture per site × viewport with the locales as
// rows and the sidebar widths as columns, each tile labelled, so a person compares 18 at a glance;
// the same for the compose pictures, their toolbar states as columns.
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

export interface ComposeSheetLayout {
  sites: readonly string[];
  viewports: readonly string[];
  locales: readonly string[];
  docks: readonly string[];
  states: readonly string[];
  /** The picture of one compose: site, viewport, dock width, locale, state. */
  file: (site: string, viewport: string, dock: string, locale: string, state: string) => string;
  /** The notice after an untracked send, per locale. */
  notice: (locale: string) => string;
}

interface Tile {
  file: string;
  label: string;
}

/** Whole pages are shrunk to this width; compose pictures stay as taken, so the toolbar stays readable. */
const TILE_WIDTH = 640;

/** Writes sheet-<site>-<viewport>.png into `dir`; returns how many it wrote. */
export function makeContactSheets(dir: string, layout: SheetLayout): number {
  let written = 0;
  for (const site of layout.sites) {
    for (const viewport of layout.viewports) {
      const tiles = layout.locales.flatMap((locale) =>
        layout.widths.map((dockWidth) => {
          const file = `${site}-${viewport}-${dockWidth}-${locale}.png`;
          const rendered = layout.measured.get(file);
          const label = `${locale} · ${dockWidth}${dockWidth !== String(rendered) && rendered !== undefined ? ` (${rendered} px)` : ' px'}`;
          return { file, label };
        }),
      );
      const [width, height] = viewport.split('x').map(Number) as [number, number];
      written += writeSheet(dir, `sheet-${site}-${viewport}.png`, tiles, {
        columns: layout.widths.length,
        title: `${site} ${viewport} — locales as rows, sidebar widths as columns`,
        gap: { width, height },
      });
    }
  }
  return written;
}

/** Writes compose/sheet-<site>-<viewport>-<dock>.png and compose/sheet-notice.png; returns how many. */
export function makeComposeSheets(dir: string, layout: ComposeSheetLayout): number {
  let written = 0;
  for (const site of layout.sites) {
    for (const viewport of layout.viewports) {
      for (const dock of layout.docks) {
        const tiles = layout.locales.flatMap((locale) =>
          layout.states.map((state) => ({
            file: layout.file(site, viewport, dock, locale, state),
            label: `${locale} · ${state}`,
          })),
        );
        written += writeSheet(dir, `compose/sheet-${site}-${viewport}-${dock}.png`, tiles, {
          columns: layout.states.length,
          title: `compose in ${site} ${viewport}, sidebar ${dock} px — locales as rows, toolbar states as columns`,
          gap: { width: 556, height: 320 },
          tileWidth: null,
        });
      }
    }
  }
  const notices = layout.locales.map((locale) => ({ file: layout.notice(locale), label: locale }));
  written += writeSheet(dir, 'compose/sheet-notice.png', notices, {
    columns: Math.min(3, notices.length),
    title: 'notice after an untracked send, gmail 1280x720',
    gap: { width: 600, height: 200 },
    tileWidth: null,
  });
  return written;
}

/** One montage of labelled tiles, in rows of `columns`; returns 1 when written, 0 when not. */
function writeSheet(
  dir: string,
  name: string,
  tiles: readonly Tile[],
  {
    columns,
    title,
    gap,
    tileWidth = TILE_WIDTH,
  }: { columns: number; title: string; gap: { width: number; height: number }; tileWidth?: number | null },
): number {
  const args = tiles.flatMap(({ file, label }) =>
    // A picture that failed leaves a pink gap, not a shifted grid.
    existsSync(join(dir, file))
      ? ['-label', label, join(dir, file)]
      : ['-label', `${label}: FAILED`, `xc:#f8d0d0[${gap.width}x${gap.height}!]`],
  );
  const sheet = join(dir, name);
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
      ...args,
      '-tile',
      `${columns}x${Math.ceil(tiles.length / columns)}`,
      '-geometry',
      tileWidth === null ? '+8+8' : `${tileWidth}x+8+8`,
      '-title',
      title,
      sheet,
    ],
    { encoding: 'utf8' },
  );
  if (montage.error || montage.status !== 0) {
    console.log(`✗ ${sheet}: montage failed: ${montage.error?.message ?? montage.stderr.trim()}`);
    return 0;
  }
  console.log(`  ${sheet}`);
  return 1;
}
