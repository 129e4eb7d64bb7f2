import * as v from 'valibot';
import type { FolderCounts } from '../emails/status';
import type { RejectionRecord } from '../db/records';

// Named live queries: a UI subscribes with arguments and gets every new result pushed.

export const queryArgSchemas = {
  'folders.counts': v.object({}),
  'demo.status': v.object({}),
  'overview.counts': v.object({}),
  'diagnostics.rejections': v.object({
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 20),
  }),
};

export interface QueryResults {
  'folders.counts': FolderCounts;
  'demo.status': { active: boolean };
  'overview.counts': { openTasks: number; savedSearches: number; emails: number };
  'diagnostics.rejections': RejectionRecord[];
}
