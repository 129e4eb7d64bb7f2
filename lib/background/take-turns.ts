/**
 * Runs async tasks one after another, in the order they were asked for; a failed task does
 * not stop the ones behind it (its caller still sees the failure).
 */
export function createTurns(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = last.then(task);
    last = run.catch(() => undefined);
    return run;
  };
}
