import type { TaskRecord } from '../../lib/db/records';
import { t, uiLanguage } from '../../lib/i18n/t';
import { addDays, dayKeyOf } from '../../lib/tasks/zoned-time';

type Due = Pick<TaskRecord, 'dueAt' | 'dueKind' | 'dueDay'>;

/** "due today", "due tomorrow", "due 15:00", "due 4 Dec", "overdue": short, for chips and rows. */
export function dueChipLabel(task: Due, now = Date.now(), timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone) {
  if (task.dueKind === 'none') return t('taskDueNone');
  const today = dayKeyOf(now, timeZone);
  const day = task.dueKind === 'day' && task.dueDay ? task.dueDay : dayKeyOf(task.dueAt, timeZone);
  const past = task.dueKind === 'day' ? day < today : task.dueAt < now;
  if (past) return t('taskDueOverdue');
  if (task.dueKind === 'dateTime' && day === today)
    return t('taskDueOn', new Intl.DateTimeFormat(uiLanguage(), { timeStyle: 'short', timeZone }).format(task.dueAt));
  if (day === today) return t('taskDueToday');
  if (day === addDays(today, 1)) return t('taskDueTomorrow');
  return t(
    'taskDueOn',
    new Intl.DateTimeFormat(uiLanguage(), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      Date.parse(`${day}T12:00:00Z`),
    ),
  );
}
