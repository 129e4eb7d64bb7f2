import type { EmailStatus } from './status';

/** The counter row of one folder: kept by folder-counters.ts, also moved by the v6 upgrade. */
export const counterId = (status: EmailStatus) => `folder:${status}`;
