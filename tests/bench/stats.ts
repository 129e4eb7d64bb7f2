export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const fmt = (value: number, digits = 1) => value.toFixed(digits);

/** One row of the Markdown table run.ts prints: measure, figure, budget, within. */
export const tableRow = (name: string, figure: string, budget = '—', within = '—') =>
  `| ${name} | ${figure} | ${budget} | ${within} |`;

export const yesNo = (ok: boolean) => (ok ? 'yes' : 'NO');
