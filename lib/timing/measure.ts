// Measures in the background's performance timeline: what applying the feed's events and keeping
// the lists up cost, visible in DevTools' Performance panel and read by the benchmarks from the
// worker (tests/bench/lists.ts). The timeline keeps every measure until cleared, so it is
// emptied every KEEP of them: a worker that lives for days does not grow with it.

const KEEP = 500;
let kept = 0;

/** Records `name` from `start` (a performance.now() reading) until now; returns now. */
export function measureSince(name: string, start: number, detail?: Record<string, number>): number {
  const end = performance.now();
  if (++kept > KEEP) {
    performance.clearMeasures();
    kept = 1;
  }
  performance.measure(name, { start, end, ...(detail ? { detail } : {}) });
  return end;
}

/** The measure names, one place for the code that records them and the benchmark that reads them. */
export const MEASURES = {
  applyEvents: 'icc:apply-events',
  listUpkeep: 'icc:list-upkeep',
} as const;
