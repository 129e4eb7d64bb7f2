import type { Handler } from '../deps.ts';

/** GET /healthz — up, and on which storage. */
export const handleHealth: Handler = (deps) => async () => ({ ok: true, storage: deps.repo.kind });
