import { useState } from 'preact/hooks';
import { t, tn, uiLanguage } from '../../lib/i18n/t';
import { dueLabel } from '../../lib/tasks/due-label';
import { nextMonday, type SnoozeChoice } from '../../lib/tasks/snooze';
import type { TaskClock } from '../../lib/tasks/task-views';
import { addDays, dayKeyOf } from '../../lib/tasks/zoned-time';
import { Dialog } from '../ui/Dialog';

/** Snooze: tomorrow, next Monday, or a date (and a time) the rep picks. */
export function SnoozeDialog({
  count,
  clock,
  onChoose,
  onCancel,
}: {
  count: number;
  clock: TaskClock;
  onChoose: (choice: SnoozeChoice) => void;
  onCancel: () => void;
}) {
  const today = dayKeyOf(clock.now, clock.timeZone);
  const [day, setDay] = useState(addDays(today, 2));
  const [time, setTime] = useState('');
  return (
    <Dialog
      title={tn('snoozeTitle', count)}
      confirmLabel={t('snoozePicked')}
      cancelLabel={t('cancel')}
      testId="snooze-dialog"
      onCancel={onCancel}
      onConfirm={() => onChoose({ kind: 'pick', day, time })}
    >
      <div class="snooze-choices">
        <button type="button" data-testid="snooze-tomorrow" onClick={() => onChoose({ kind: 'tomorrow' })}>
          {t('snoozeTomorrow')}
        </button>
        <button type="button" data-testid="snooze-monday" onClick={() => onChoose({ kind: 'nextMonday' })}>
          {t(
            'snoozeNextMonday',
            dueLabel({ dueAt: 0, dueKind: 'day', dueDay: nextMonday(today) }, clock, uiLanguage()) ?? '',
          )}
        </button>
      </div>
      <div class="snooze-pick">
        <label>
          <span>{t('snoozeDate')}</span>
          <input type="date" required min={today} value={day} onInput={(e) => setDay(e.currentTarget.value)} />
        </label>
        <label>
          <span>{t('snoozeTime')}</span>
          <input type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />
        </label>
      </div>
    </Dialog>
  );
}
