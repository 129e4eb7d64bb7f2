import { useState } from 'preact/hooks';
import { t, tn } from '../../lib/i18n/t';
import { sendCommand } from '../../lib/messaging/client';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { TASK_KIND_LABELS } from '../../lib/tasks/task-kind-labels';
import type { RuleInput, RuleSummary } from '../../lib/tasks/task-rules';
import { ErrorNote } from '../ui/ErrorNote';
import { Switch } from '../ui/Switch';
import { Toast, type ToastMessage } from '../ui/Toast';
import { NEW_RULE, RuleForm, TRIGGER_LABELS } from './RuleForm';

const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const pad = (value: number) => String(value).padStart(2, '0');

/** A rule read back as its sentence. */
function sentenceOf(rule: RuleSummary): string {
  return [
    t('ruleWhen'),
    t(TRIGGER_LABELS[rule.trigger]),
    t('ruleNoReplyWithin'),
    String(rule.noReplyDays),
    t('ruleDaysCreate'),
    t(TASK_KIND_LABELS[rule.taskType]),
    t('ruleTaskDue'),
    String(rule.dueInDays),
    t('ruleDaysLater'),
    ...(rule.dueTime ? [t('ruleAt'), `${pad(rule.dueTime.hour)}:${pad(rule.dueTime.minute)}`] : []),
  ]
    .filter(Boolean)
    .join(' ')
    .concat(t('ruleEnd'));
}

function inputOf(rule: RuleSummary): RuleInput {
  return {
    trigger: rule.trigger,
    noReplyDays: rule.noReplyDays,
    taskType: rule.taskType,
    dueInDays: rule.dueInDays,
    ...(rule.dueTime ? { dueTime: rule.dueTime } : {}),
    priority: rule.priority,
  };
}

/**
 * The Rules panel: the rep's engagement rules, each a sentence with its switch, Edit and Delete
 * (with Undo), and a New rule form. Self-contained: reads `tasks.rules`, changes through commands.
 */
export function TaskRules() {
  const rules = useLiveQuery('tasks.rules', {});
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = (id: string | 'new', rule: RuleInput) =>
    void run(() =>
      id === 'new'
        ? sendCommand('tasks.rules.create', { rule })
        : sendCommand('tasks.rules.edit', { id, rule, timeZone: zone() }),
    ).then((saved) => saved && setEditing(null));
  const remove = (rule: RuleSummary) =>
    void run(async () => {
      const removed = await sendCommand('tasks.rules.delete', { id: rule.id, timeZone: zone() });
      setToast({
        id: Date.now(),
        text: t('ruleDeleted'),
        action: {
          label: t('undo'),
          run: () => void run(() => sendCommand('tasks.rules.restore', { removed })),
        },
      });
    });

  return (
    <section class="rules" aria-labelledby="rules-title" data-testid="task-rules">
      <h2 id="rules-title">{t('rulesTitle')}</h2>
      <p class="muted">{t('rulesIntro')}</p>
      {rules.status === 'error' && <ErrorNote message={rules.error.message} />}
      {error && <ErrorNote message={error} />}
      {rules.status === 'ready' && rules.value.length === 0 && editing !== 'new' && (
        <p class="muted" data-testid="rules-empty">
          {t('rulesEmpty')}
        </p>
      )}
      <ul class="rule-list">
        {rules.status === 'ready' &&
          rules.value.map((rule) =>
            editing === rule.id ? (
              <li key={rule.id}>
                <RuleForm
                  initial={inputOf(rule)}
                  busy={busy}
                  onSave={(input) => save(rule.id, input)}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li key={rule.id} class="rule" data-testid="rule" data-rule-id={rule.id}>
                <p class={rule.enabled ? 'rule-text' : 'rule-text muted'} data-testid="rule-text">
                  {sentenceOf(rule)}
                </p>
                <p class="muted rule-stats">
                  {tn('ruleMade', rule.made)}
                  {rule.waiting > 0 && ` · ${tn('ruleWaiting', rule.waiting)}`}
                </p>
                <div class="rule-controls">
                  <Switch
                    checked={rule.enabled}
                    busy={busy}
                    label={t('ruleEnabled')}
                    testId="rule-enabled"
                    onChange={(enabled) =>
                      void run(() => sendCommand('tasks.rules.setEnabled', { id: rule.id, enabled, timeZone: zone() }))
                    }
                  />
                  <span class="actions">
                    <button type="button" data-testid="rule-edit" onClick={() => setEditing(rule.id)}>
                      {t('ruleEdit')}
                    </button>
                    <button type="button" class="danger-text" data-testid="rule-delete" onClick={() => remove(rule)}>
                      {t('actionDelete')}
                    </button>
                  </span>
                </div>
              </li>
            ),
          )}
      </ul>
      {editing === 'new' ? (
        <RuleForm
          initial={NEW_RULE}
          busy={busy}
          onSave={(rule) => save('new', rule)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button type="button" class="link" data-testid="rule-new" onClick={() => setEditing('new')}>
          + {t('ruleNew')}
        </button>
      )}
      <Toast toast={toast} onDismiss={() => setToast(null)} />
    </section>
  );
}
