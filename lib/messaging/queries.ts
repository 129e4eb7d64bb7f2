import * as v from 'valibot';
import type { FolderCounts } from '../emails/status';
import type { RejectionRecord } from '../db/records';
import { EMAIL_STATUSES } from '../emails/status';
import type { FolderPage } from '../emails/folder-page';
import type { EmailDetailResult } from '../emails/email-detail';
import type { FolderMembers } from '../emails/folder-members';
import type { DamagedRow } from '../emails/email-row';

// Named live queries: a UI subscribes with arguments and gets every new result pushed.

export const queryArgSchemas = {
  'folders.counts': v.object({}),
  'folders.page': v.object({
    status: v.picklist(EMAIL_STATUSES),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
    filter: v.optional(v.pipe(v.string(), v.maxLength(200))),
    anchor: v.optional(v.object({ offset: v.pipe(v.number(), v.integer(), v.minValue(0)), folderDate: v.number(), id: v.pipe(v.string(), v.maxLength(200)) })),
  }),
  'folders.members': v.object({
    status: v.picklist(EMAIL_STATUSES),
    filter: v.optional(v.pipe(v.string(), v.maxLength(200))),
  }),
  'emails.detail': v.object({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) }),
  'emails.needsAttention': v.object({}),
  'demo.status': v.object({}),
  'overview.counts': v.object({}),
  'diagnostics.rejections': v.object({
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 20),
  }),
};

export interface QueryResults {
  'folders.counts': FolderCounts;
  'folders.page': FolderPage;
  'folders.members': FolderMembers;
  'emails.detail': EmailDetailResult;
  'emails.needsAttention': DamagedRow[];
  'demo.status': { active: boolean };
  'overview.counts': { openTasks: number; savedSearches: number; emails: number };
  'diagnostics.rejections': RejectionRecord[];
}
