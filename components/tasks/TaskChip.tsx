import type { EmailRow } from '../../lib/emails/email-row';
import { t } from '../../lib/i18n/t';
import { TASK_KIND_LABELS } from '../../lib/tasks/task-kind-labels';
import { dueChipLabel } from './due-chip-label';

/** An email row's open task: "Call · due tomorrow", "+1" when it has more. */
export function TaskChip({ task }: { task: NonNullable<EmailRow['openTask']> }) {
  return (
    <span class="task-chip" data-testid="row-task" data-task-id={task.id}>
      {t(TASK_KIND_LABELS[task.type])} · {dueChipLabel(task)}
      {task.open > 1 && <span class="more"> +{task.open - 1}</span>}
    </span>
  );
}
