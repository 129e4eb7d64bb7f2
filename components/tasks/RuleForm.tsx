import { useState } from 'preact/hooks';
import { type RuleTrigger, TASK_TYPES, type TaskType } from '../../lib/db/records';
import { t } from '../../lib/i18n/t';
import { TASK_KIND_LABELS } from '../../lib/tasks/task-kind-labels';
import type { RuleInput } from '../../lib/tasks/task-rules';

export const TRIGGER_LABELS = { click: 'ruleTriggerClick', view: 'ruleTriggerView' } as const;
const MAX_DAYS = 90;

export const NEW_RULE: RuleInput = {
  trigger: 'click',
  noReplyDays: 2,
  taskType: 'call',
  dueInDays: 1,
  dueTime: { hour: 9, minute: 0 },
  priority: 'normal',
};

const pad = (value: number) => String(value).padStart(2, '0');
const timeValue = (time: RuleInput['dueTime']) => (time ? `${pad(time.hour)}:${pad(time.minute)}` : '');

function parseDays(text: string): number | null {
  if (!/^\d{1,2}$/.test(text.trim())) return null;
  const days = Number(text);
  return days <= MAX_DAYS ? days : null;
}

/**
 * A rule as a sentence the rep fills in: "When an email gets a [human click] and no reply within
 * [2] days, create a [Call] task due [1] day(s) later at [09:00]". Each control has its own label
 * for screen readers; the words between them come from _locales, so each language keeps its order.
 */
export function RuleForm({
  initial,
  busy,
  onSave,
  onCancel,
}: {
  initial: RuleInput;
  busy: boolean;
  onSave: (rule: RuleInput) => void;
  onCancel: () => void;
}) {
  const [trigger, setTrigger] = useState<RuleTrigger>(initial.trigger);
  const [noReply, setNoReply] = useState(String(initial.noReplyDays));
  const [taskType, setTaskType] = useState<TaskType>(initial.taskType);
  const [dueIn, setDueIn] = useState(String(initial.dueInDays));
  const [time, setTime] = useState(timeValue(initial.dueTime));
  const [high, setHigh] = useState(initial.priority === 'high');
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    const noReplyDays = parseDays(noReply);
    const dueInDays = parseDays(dueIn);
    if (noReplyDays === null || dueInDays === null) return setError(t('ruleInvalidDays'));
    const [hour, minute] = time ? time.split(':').map(Number) : [];
    onSave({
      trigger,
      noReplyDays,
      taskType,
      dueInDays,
      ...(hour !== undefined && minute !== undefined ? { dueTime: { hour, minute } } : {}),
      priority: high ? 'high' : 'normal',
    });
  };

  return (
    <form
      class="rule-form"
      // Our own message, in the rep's language, instead of the browser's bubble.
      noValidate
      data-testid="rule-form"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p class="rule-sentence">
        {t('ruleWhen')}{' '}
        <select
          aria-label={t('ruleTriggerLabel')}
          value={trigger}
          data-testid="rule-trigger"
          onChange={(event) => setTrigger(event.currentTarget.value as RuleTrigger)}
        >
          <option value="click">{t(TRIGGER_LABELS.click)}</option>
          <option value="view">{t(TRIGGER_LABELS.view)}</option>
        </select>{' '}
        {t('ruleNoReplyWithin')}{' '}
        <input
          type="number"
          min={0}
          max={MAX_DAYS}
          inputMode="numeric"
          class="rule-days"
          aria-label={t('ruleNoReplyDaysLabel')}
          value={noReply}
          data-testid="rule-no-reply-days"
          onInput={(event) => setNoReply(event.currentTarget.value)}
        />{' '}
        {t('ruleDaysCreate')}{' '}
        <select
          aria-label={t('ruleTaskTypeLabel')}
          value={taskType}
          data-testid="rule-task-type"
          onChange={(event) => setTaskType(event.currentTarget.value as TaskType)}
        >
          {TASK_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(TASK_KIND_LABELS[type])}
            </option>
          ))}
        </select>{' '}
        {t('ruleTaskDue')}{' '}
        <input
          type="number"
          min={0}
          max={MAX_DAYS}
          inputMode="numeric"
          class="rule-days"
          aria-label={t('ruleDueInDaysLabel')}
          value={dueIn}
          data-testid="rule-due-days"
          onInput={(event) => setDueIn(event.currentTarget.value)}
        />{' '}
        {t('ruleDaysLater')} {t('ruleAt')}{' '}
        <input
          type="time"
          aria-label={t('ruleDueTimeLabel')}
          value={time}
          data-testid="rule-due-time"
          onInput={(event) => setTime(event.currentTarget.value)}
        />
        {t('ruleEnd')}
      </p>
      <label class="rule-priority">
        <input type="checkbox" checked={high} onChange={(event) => setHigh(event.currentTarget.checked)} />{' '}
        {t('rulePriorityHigh')}
      </label>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy} data-testid="rule-save">
          {t('ruleSave')}
        </button>
      </div>
    </form>
  );
}
