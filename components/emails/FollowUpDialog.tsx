import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/t';
import { FOLLOW_UP_TYPES, type FollowUpType } from '../../lib/tasks/follow-up';
import { TASK_KIND_LABELS } from '../../lib/tasks/task-kind-labels';
import { addDays, dayKeyOf } from '../../lib/tasks/zoned-time';
import { Dialog } from '../ui/Dialog';

export interface FollowUpChoice {
  type: FollowUpType;
  /** A day in the rep's zone. */
  day: string;
}

const WHEN = [
  { days: 0, label: 'followUpDueToday' },
  { days: 1, label: 'followUpDueTomorrow' },
  { days: 3, label: 'followUpDueIn3Days' },
  { days: 7, label: 'followUpDueInWeek' },
] as const;

/** Follow up: which task (Call, Email, Custom) and when (tomorrow unless the rep picks another day). */
export function FollowUpDialog({
  onConfirm,
  onCancel,
}: {
  onConfirm: (choice: FollowUpChoice) => void;
  onCancel: () => void;
}) {
  const [type, setType] = useState<FollowUpType>('call');
  const [days, setDays] = useState(1);
  const today = dayKeyOf(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
  return (
    <Dialog
      title={t('followUpTitle')}
      confirmLabel={t('followUpCreate')}
      cancelLabel={t('cancel')}
      onConfirm={() => onConfirm({ type, day: addDays(today, days) })}
      onCancel={onCancel}
      testId="follow-up-dialog"
    >
      <fieldset class="choice">
        <legend>{t('followUpType')}</legend>
        {FOLLOW_UP_TYPES.map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name="follow-up-type"
              value={kind}
              checked={type === kind}
              data-testid={`follow-up-${kind}`}
              onChange={() => setType(kind)}
            />
            {t(TASK_KIND_LABELS[kind])}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>{t('followUpDue')}</span>
        <select
          value={String(days)}
          data-testid="follow-up-due"
          onChange={(event) => setDays(Number(event.currentTarget.value))}
        >
          {WHEN.map((when) => (
            <option key={when.days} value={String(when.days)}>
              {t(when.label)}
            </option>
          ))}
        </select>
      </label>
    </Dialog>
  );
}
