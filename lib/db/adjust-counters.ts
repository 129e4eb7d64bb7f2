import type { CommandCenterDb } from './database';

// Counters (folders, lists) moved together: one read and one write for all of them, inside the
// caller's transaction. A page of views moves dozens (every list a first view joins).

/** Adds each delta to its counter, where `deltas` maps counter id to the change; never below zero. */
export async function adjustCounters(db: CommandCenterDb, deltas: ReadonlyMap<string, number>): Promise<void> {
  const ids = [...deltas].flatMap(([id, delta]) => (delta === 0 ? [] : [id]));
  if (ids.length === 0) return;
  const current = await db.counters.bulkGet(ids);
  await db.counters.bulkPut(
    ids.map((id, index) => ({ id, value: Math.max(0, (current[index]?.value ?? 0) + (deltas.get(id) ?? 0)) })),
  );
}

/** Adds `delta` to the change already noted for `id`. */
export function addDelta(deltas: Map<string, number>, id: string, delta: number): void {
  deltas.set(id, (deltas.get(id) ?? 0) + delta);
}
