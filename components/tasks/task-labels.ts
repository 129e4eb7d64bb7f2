import type { TaskType } from '../../lib/db/records';
import type { MessageKey } from '../../lib/i18n/t';
import type { TaskView } from '../../lib/tasks/task-views';

/** The name of each type, shared with the background's notifications. */
export { TASK_KIND_LABELS as TASK_TYPE_LABELS } from '../../lib/tasks/task-kind-labels';

/** A glyph per type, beside its name (which screen readers read instead). */
export const TASK_TYPE_MARKS: Record<TaskType, string> = { email: '✉', call: '☎', linkedin: 'in', custom: '•' };

export const TASK_VIEW_LABELS: Record<TaskView, MessageKey> = {
  overdue: 'taskViewOverdue',
  today: 'taskViewToday',
  tomorrow: 'taskViewTomorrow',
  next7: 'taskViewNext7',
  open: 'taskViewOpen',
  completed: 'taskViewCompleted',
};

/** What to do next when a view is empty. */
export const TASK_VIEW_EMPTY: Record<TaskView, MessageKey> = {
  overdue: 'taskEmptyOverdue',
  today: 'taskEmptyToday',
  tomorrow: 'taskEmptyTomorrow',
  next7: 'taskEmptyNext7',
  open: 'taskEmptyOpen',
  completed: 'taskEmptyCompleted',
};
