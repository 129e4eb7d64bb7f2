// Expected-vs-got counts over the corpus, with recall, precision and accuracy, as data and as a
// plain-text table (the classification test prints it; BENCHMARKS.md quotes it).
import { CLASSIFICATIONS, type Classification } from '../../src/storage/repository.ts';

/** What the server stored for one corpus hit; `got` is null when no event matched the hit. */
export interface Outcome {
  caseId: string;
  hitIndex: number;
  expect: Classification;
  got: Classification | null;
  reason: string;
}

const MISSING = 'none';
type Column = Classification | typeof MISSING;
const COLUMNS: readonly Column[] = [...CLASSIFICATIONS, MISSING];

export interface ClassStats {
  expected: number;
  predicted: number;
  correct: number;
  /** correct / expected; null when the corpus has no hit of this class. */
  recall: number | null;
  /** correct / predicted; null when the server gave this class to no hit. */
  precision: number | null;
}

export interface ConfusionMatrix {
  /** counts[expected][got]; `none` counts hits that produced no event. */
  counts: Record<Classification, Record<Column, number>>;
  perClass: Record<Classification, ClassStats>;
  total: number;
  correct: number;
  accuracy: number;
  misses: Outcome[];
}

export function confusionMatrix(outcomes: readonly Outcome[]): ConfusionMatrix {
  const counts = Object.fromEntries(
    CLASSIFICATIONS.map((e) => [e, Object.fromEntries(COLUMNS.map((g) => [g, 0]))]),
  ) as ConfusionMatrix['counts'];
  for (const o of outcomes) counts[o.expect][o.got ?? MISSING]++;
  const perClass = Object.fromEntries(
    CLASSIFICATIONS.map((c) => {
      const expected = COLUMNS.reduce((n, g) => n + counts[c][g], 0);
      const predicted = CLASSIFICATIONS.reduce((n, e) => n + counts[e][c], 0);
      const correct = counts[c][c];
      const stats: ClassStats = {
        expected,
        predicted,
        correct,
        recall: expected ? correct / expected : null,
        precision: predicted ? correct / predicted : null,
      };
      return [c, stats];
    }),
  ) as Record<Classification, ClassStats>;
  const correct = outcomes.filter((o) => o.got === o.expect).length;
  return {
    counts,
    perClass,
    total: outcomes.length,
    correct,
    accuracy: outcomes.length ? correct / outcomes.length : 0,
    misses: outcomes.filter((o) => o.got !== o.expect),
  };
}

function percent(value: number | null): string {
  return value === null ? '-' : `${(value * 100).toFixed(1)}%`;
}

/** The matrix as a fixed-width table: rows are expected classes, columns what the server said. */
export function formatConfusionMatrix(matrix: ConfusionMatrix): string {
  const head = ['expected \\ got', ...COLUMNS, 'recall', 'precision'];
  const rows = CLASSIFICATIONS.map((e) => [
    e,
    ...COLUMNS.map((g) => String(matrix.counts[e][g])),
    percent(matrix.perClass[e].recall),
    percent(matrix.perClass[e].precision),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  return [
    line(head),
    ...rows.map(line),
    `accuracy ${percent(matrix.accuracy)} (${matrix.correct} of ${matrix.total} hits)`,
  ].join('\n');
}

/** One line per miss: case, hit index, expected, got, and the server's reason. */
export function formatMisses(matrix: ConfusionMatrix): string {
  return matrix.misses
    .map((m) => `${m.caseId} #${m.hitIndex}: expected ${m.expect}, got ${m.got ?? MISSING} (${m.reason})`)
    .join('\n');
}
