import { useState } from 'preact/hooks';
import { TASK_TYPES, type TaskPriority, type TaskType } from '../../lib/db/records';
import { t } from '../../lib/i18n/t';
import { sendCommand } from '../../lib/messaging/client';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { parseTime } from '../../lib/tasks/snooze';
import type { TaskRow } from '../../lib/tasks/task-page';
import type { DueInput } from '../../lib/tasks/task-writes';
import { atTimeOn, dayKeyOf, wallTimeAt } from '../../lib/tasks/zoned-time';
import { useTaskActions } from './TaskActionsProvider';
import { TASK_TYPE_LABELS } from './task-labels';
import { useTaskClock } from './use-task-clock';

/** What the form starts with for a new task (quick add's "full form" hands over what it understood). */
export interface TaskDraft {
  type: TaskType;
  title: string;
  person: string;
  day: string;
  time: string;
  priority: TaskPriority;
  notes: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function draftOf(task: TaskRow, timeZone: string): TaskDraft {
  const wall = task.dueKind === 'dateTime' ? wallTimeAt(task.dueAt, timeZone) : null;
  return {
    type: task.type,
    title: task.title,
    person: task.personLabel ?? '',
    day:
      task.dueKind === 'day' ? (task.dueDay ?? '') : task.dueKind === 'dateTime' ? dayKeyOf(task.dueAt, timeZone) : '',
    time: wall ? `${pad(wall.hour)}:${pad(wall.minute)}` : '',
    priority: task.priority,
    notes: task.notes ?? '',
  };
}

/**
 * The full task form, for a new task or to edit one in place: type, title, person (one of the
 * rep's people, or any name), due day and time, priority, notes. Escape cancels.
 */
export function TaskForm({
  task,
  draft,
  onDone,
}: {
  task?: TaskRow;
  draft?: Partial<TaskDraft>;
  onDone: (saved: boolean) => void;
}) {
  const clock = useTaskClock();
  const people = useLiveQuery('people.names', {});
  const { edit, say } = useTaskActions();
  const [form, setForm] = useState<TaskDraft>(() => ({
    type: 'custom',
    title: '',
    person: '',
    day: '',
    time: '',
    priority: 'normal',
    notes: '',
    ...(task ? draftOf(task, clock.timeZone) : {}),
    ...draft,
  }));
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof TaskDraft>(key: K, value: TaskDraft[K]) => setForm((f) => ({ ...f, [key]: value }));
  const list = people.status === 'ready' ? people.value : [];

  const save = async () => {
    const time = parseTime(form.time);
    const due: DueInput = !form.day
      ? { kind: 'none' }
      : time
        ? { kind: 'dateTime', at: atTimeOn(form.day, time.hour, time.minute, clock.timeZone) }
        : { kind: 'day', day: form.day };
    const name = form.person.trim();
    const person = name ? list.find((p) => p.name.toLowerCase() === name.toLowerCase() || p.email === name) : undefined;
    setBusy(true);
    try {
      if (task) {
        const ok = await edit(
          { id: task.id, version: task.version },
          {
            type: form.type,
            title: form.title,
            due,
            priority: form.priority,
            notes: form.notes || null,
            personId: person?.id ?? null,
            personName: person ? null : name || null,
          },
        );
        if (ok) onDone(true);
      } else {
        await sendCommand('tasks.create', {
          task: {
            type: form.type,
            title: form.title,
            due,
            priority: form.priority,
            ...(form.notes ? { notes: form.notes } : {}),
            ...(person ? { personId: person.id } : name ? { personName: name } : {}),
          },
          timeZone: clock.timeZone,
        });
        say(t('taskAdded', form.title.trim()));
        onDone(true);
      }
    } catch (error) {
      say(t('errorGeneric', error instanceof Error ? error.message : String(error)), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="task-form"
      data-testid="task-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onDone(false);
        }
      }}
    >
      <label class="task-form-wide">
        <span>{t('taskFieldTitle')}</span>
        <input
          required
          maxLength={500}
          value={form.title}
          onInput={(e) => set('title', e.currentTarget.value)}
          // biome-ignore lint/a11y/noAutofocus: the form opens on the rep's request (e, or "full form"); typing goes to its first field.
          autoFocus
        />
      </label>
      <label>
        <span>{t('taskFieldType')}</span>
        <select value={form.type} onChange={(e) => set('type', e.currentTarget.value as TaskType)}>
          {TASK_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(TASK_TYPE_LABELS[type])}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('taskFieldPerson')}</span>
        <input
          list="task-people"
          value={form.person}
          maxLength={200}
          onInput={(e) => set('person', e.currentTarget.value)}
        />
        <datalist id="task-people">
          {list.slice(0, 500).map((p) => (
            <option key={p.id} value={p.name}>
              {p.email}
            </option>
          ))}
        </datalist>
      </label>
      <label>
        <span>{t('taskFieldDay')}</span>
        <input type="date" value={form.day} onInput={(e) => set('day', e.currentTarget.value)} />
      </label>
      <label>
        <span>{t('taskFieldTime')}</span>
        <input type="time" value={form.time} disabled={!form.day} onInput={(e) => set('time', e.currentTarget.value)} />
      </label>
      <label class="task-form-check">
        <input
          type="checkbox"
          checked={form.priority === 'high'}
          onChange={(e) => set('priority', e.currentTarget.checked ? 'high' : 'normal')}
        />
        <span>{t('priorityHigh')}</span>
      </label>
      <label class="task-form-wide">
        <span>{t('taskFieldNotes')}</span>
        <textarea rows={3} maxLength={5000} value={form.notes} onInput={(e) => set('notes', e.currentTarget.value)} />
      </label>
      <div class="task-form-actions">
        <button type="button" onClick={() => onDone(false)}>
          {t('cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy} data-testid="task-form-save">
          {t('taskSave')}
        </button>
      </div>
    </form>
  );
}
