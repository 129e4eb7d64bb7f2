import type { Handler } from '../deps.ts';

/**
 * GET /healthz — up, on which storage, whether hits reach the disk, and what classification works
 * from. A journal that cannot be written (a full disk) is `degraded`, not down: pixels are still
 * answered and their hits held. So is a missing ASN database: hits are labelled, from fewer signals.
 * A stale one stays `ok` and says `stale: true` with its problem: few ASNs change owners in a year.
 */
export const handleHealth: Handler = (deps) => async () => {
  const journal = deps.hitJournal.health();
  const classification = deps.hitJournal.classification();
  const degraded = !journal.writable || classification.asnDatabase?.loaded === false;
  return { ok: true, status: degraded ? 'degraded' : 'ok', storage: deps.repo.kind, journal, classification };
};
