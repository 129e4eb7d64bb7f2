export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile (p95 of 20 samples is the 19th smallest). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const fmt = (value: number, digits = 1) => value.toFixed(digits);

/** One row of the Markdown table run.ts prints: measure, figure, budget, within. */
export const tableRow = (name: string, figure: string, budget = '—', within = '—') =>
  `| ${name} | ${figure} | ${budget} | ${within} |`;

export const yesNo = (ok: boolean) => (ok ? 'yes' : 'NO');
