import { formatDateTime } from '../i18n/format';
import { t, tn } from '../i18n/t';
import type { ReminderWording } from './reminders';
import { TASK_KIND_LABELS } from './task-kind-labels';

/** Reminder notifications in the browser's UI language. */
export const localReminderWording: ReminderWording = {
  reminder: (task, at, late) => ({
    title: task.title,
    message: t(late ? 'reminderLate' : 'reminderDue', [t(TASK_KIND_LABELS[task.type]), formatDateTime(at)]),
  }),
  summary: (count) => ({ title: tn('reminderSummaryTitle', count), message: t('reminderSummaryMessage') }),
};
