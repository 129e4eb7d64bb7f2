import { useState } from 'preact/hooks';
import { timeZoneName, toLocalInputValue } from '../../lib/i18n/format';
import { t, tn } from '../../lib/i18n/t';
import { Dialog } from '../ui/Dialog';

const HOUR = 3_600_000;

/** Picks a new send time, in the rep's local time (the zone is shown); past times are refused. */
export function RescheduleDialog({
  count,
  onConfirm,
  onCancel,
}: {
  count: number;
  onConfirm: (at: number) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(toLocalInputValue(Math.ceil((Date.now() + HOUR) / HOUR) * HOUR));
  const [error, setError] = useState<string | null>(null);
  const confirm = () => {
    const at = new Date(value).getTime();
    if (!Number.isFinite(at)) return setError(t('rescheduleInvalid'));
    if (at < Date.now() - 60_000) return setError(t('reschedulePast'));
    onConfirm(at);
  };
  return (
    <Dialog
      title={tn('rescheduleTitle', count)}
      confirmLabel={t('actionReschedule')}
      cancelLabel={t('cancel')}
      onConfirm={confirm}
      onCancel={onCancel}
      testId="reschedule-dialog"
    >
      <label class="field">
        <span>{t('rescheduleWhen', timeZoneName())}</span>
        <input
          type="datetime-local"
          value={value}
          required
          data-testid="reschedule-at"
          onInput={(event) => setValue(event.currentTarget.value)}
        />
      </label>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
