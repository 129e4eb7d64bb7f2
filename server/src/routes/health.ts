import type { Handler } from '../deps.ts';

/**
 * GET /healthz — up, on which storage, and whether hits reach the disk. A journal that cannot be
 * written (a full disk) is `degraded`, not down: pixels are still answered and their hits held.
 */
export const handleHealth: Handler = (deps) => async () => {
  const journal = deps.hitJournal.health();
  return { ok: true, status: journal.writable ? 'ok' : 'degraded', storage: deps.repo.kind, journal };
};
