import type { TaskType } from '../db/records';
import type { MessageKey } from '../i18n/t';

/** The name of each task type, for the background's notifications and the sidebar alike. */
export const TASK_KIND_LABELS: Record<TaskType, MessageKey> = {
  call: 'taskKindCall',
  email: 'taskKindEmail',
  linkedin: 'taskKindLinkedin',
  custom: 'taskKindCustom',
};
