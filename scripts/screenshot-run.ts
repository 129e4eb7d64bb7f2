// One `npm run screenshots` run's bookkeeping: the progress line per picture, the warnings a
// script found in them, and the pictures that failed (noted with their reason; the run goes on).

export interface ShotRun {
  readonly out: string;
  readonly warnings: string[];
  readonly failures: string[];
  /** How many pictures were saved so far. */
  taken(): number;
  /** Notes a saved picture (its path under `out`) with the sidebar width it showed, if any. */
  report(file: string, dock?: number): void;
  /** Runs one picture; a failure is noted with its reason and the run goes on with the next. */
  attempt(file: string, shoot: (file: string) => Promise<void>): Promise<void>;
}

export function step(message: string): void {
  console.log(`\u001b[36m›\u001b[0m ${message}`);
}

export function createRun(out: string, total: number): ShotRun {
  let taken = 0;
  let lastSavedAt = Date.now();
  const warnings: string[] = [];
  const failures: string[] = [];
  return {
    out,
    warnings,
    failures,
    taken: () => taken,
    report(file, dock) {
      taken += 1;
      const seconds = ((Date.now() - lastSavedAt) / 1000).toFixed(1);
      lastSavedAt = Date.now();
      console.log(
        `[${String(taken).padStart(String(total).length)}/${total}] ${out}/${file}  (${dock !== undefined ? `sidebar ${dock} px, ` : ''}${seconds} s)`,
      );
    },
    async attempt(file, shoot) {
      try {
        await shoot(file);
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
        failures.push(`${file}: ${reason}`);
        console.log(`\u001b[31m✗\u001b[0m ${file}: ${reason}`);
      }
    },
  };
}
