import { useEffect, useMemo, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../lib/i18n/t';
import { sendCommand } from '../../lib/messaging/client';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { dueLabel } from '../../lib/tasks/due-label';
import type { parseQuickAdd, QuickAddLocale, QuickAddNote, QuickAdd as Reading } from '../../lib/tasks/quick-add';
import { dueFields } from '../../lib/tasks/task-writes';
import { MailText } from '../ui/MailText';
import { useTaskActions } from './TaskActionsProvider';
import { type TaskDraft, TaskForm } from './TaskForm';
import { TASK_TYPE_LABELS, TASK_TYPE_MARKS } from './task-labels';
import { useTaskClock } from './use-task-clock';

/** The quick-add language for the UI language; reps mix English in, which every one reads too. */
export function quickAddLocale(language = uiLanguage()): QuickAddLocale {
  const lower = language.toLowerCase();
  if (lower.startsWith('zh')) return 'zh_CN';
  if (lower.startsWith('pt')) return 'pt_BR';
  for (const code of ['de', 'nl', 'sv'] as const) if (lower.startsWith(code)) return code;
  return 'en';
}

function noteText(note: QuickAddNote): string {
  switch (note.code) {
    case 'noDate':
      return note.text ? t('quickAddNoDateText', note.text) : t('quickAddNoDate');
    case 'noTime':
      return t('quickAddNoTime', note.text);
    case 'extraDate':
      return t('quickAddExtraDate', note.text);
    case 'pastDate':
      return t('quickAddPastDate');
    case 'ambiguousPerson':
      return t('quickAddAmbiguousPerson', note.names.join(', '));
  }
}

function draftOf(reading: Reading, timeZone: string): Partial<TaskDraft> {
  const person = reading.person ? ('id' in reading.person ? reading.person.name : reading.person.text) : '';
  const due = reading.due;
  let day = '';
  let time = '';
  if (due?.kind === 'day') day = due.day;
  if (due?.kind === 'dateTime') {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(due.at);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    day = `${part('year')}-${part('month')}-${part('day')}`;
    time = `${part('hour')}:${part('minute')}`;
  }
  return { type: reading.type, title: reading.title, person, day, time, priority: reading.priority };
}

/**
 * One line that becomes a task: "Call Dana tomorrow 9am high", "Dana morgen um 9 Uhr anrufen".
 * A live preview says what was understood before Enter saves it; what was not understood is
 * named and kept in the title. "Full form" opens the form with what was read.
 */
export function QuickAdd() {
  const clock = useTaskClock();
  const people = useLiveQuery('people.names', {});
  const { say } = useTaskActions();
  const [text, setText] = useState('');
  const [full, setFull] = useState<Partial<TaskDraft> | null>(null);
  const [busy, setBusy] = useState(false);
  // The date library and its six languages load with the first key the rep types here, so the
  // sidebar opens without them.
  const [parse, setParse] = useState<typeof parseQuickAdd | null>(null);
  const wantParser = text.length > 0;
  useEffect(() => {
    if (!wantParser || parse) return;
    void import('../../lib/tasks/quick-add').then((module) => setParse(() => module.parseQuickAdd));
  }, [wantParser, parse]);
  const locale = quickAddLocale();
  const known = people.status === 'ready' ? people.value : [];
  const shown = useMemo(
    () => (parse && text.trim() ? parse(text, { ...clock, locale, people: known }) : null),
    [parse, text, clock, locale, known],
  );

  const save = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    try {
      // Enter can come before the parser has loaded: then it is read now.
      const reading =
        shown ?? (await import('../../lib/tasks/quick-add')).parseQuickAdd(text, { ...clock, locale, people: known });
      const person = reading.person;
      await sendCommand('tasks.create', {
        task: {
          type: reading.type,
          title: reading.title,
          due: reading.due ?? { kind: 'none' },
          priority: reading.priority,
          ...(person ? ('id' in person ? { personId: person.id } : { personName: person.text }) : {}),
        },
        timeZone: clock.timeZone,
      });
      const missing = reading.notes.map(noteText);
      say([t('taskAdded', reading.title), ...missing].join(' '), missing.length > 0 ? 'error' : 'info');
      setText('');
    } catch (error) {
      say(t('errorGeneric', error instanceof Error ? error.message : String(error)), 'error');
    } finally {
      setBusy(false);
    }
  };

  if (full) {
    return (
      <div class="quick-add">
        <TaskForm
          draft={full}
          onDone={(saved) => {
            setFull(null);
            if (saved) setText('');
          }}
        />
      </div>
    );
  }
  const due = shown?.due ? dueLabel({ ...dueFields(shown.due, clock.timeZone) }, clock, uiLanguage()) : null;
  return (
    <div class="quick-add">
      <form
        class="quick-add-line"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <input
          type="text"
          data-testid="quick-add"
          aria-label={t('quickAddLabel')}
          aria-describedby="quick-add-preview"
          placeholder={t('quickAddPlaceholder')}
          maxLength={500}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && text) {
              e.preventDefault();
              setText('');
            }
          }}
        />
        <button
          type="button"
          class="link"
          data-testid="quick-add-full"
          onClick={() => setFull(shown ? draftOf(shown, clock.timeZone) : {})}
        >
          {t('quickAddFullForm')}
        </button>
      </form>
      <div id="quick-add-preview" class="quick-add-preview" data-testid="quick-add-preview" aria-live="polite">
        {shown && (
          <>
            <span class="chip" data-testid="preview-type">
              {TASK_TYPE_MARKS[shown.type]} {t(TASK_TYPE_LABELS[shown.type])}
            </span>
            <span class="chip chip-title" data-testid="preview-title">
              <MailText text={shown.title} />
            </span>
            {shown.person && (
              <span
                class="chip"
                data-testid="preview-person"
                title={'id' in shown.person ? t('quickAddKnownPerson') : t('quickAddNewPerson')}
              >
                {'id' in shown.person ? '✓ ' : ''}
                <MailText text={'id' in shown.person ? shown.person.name : shown.person.text} />
              </span>
            )}
            <span class="chip" data-testid="preview-due">
              {due ?? t('quickAddNoDue')}
            </span>
            {shown.priority === 'high' && (
              <span class="chip chip-high" data-testid="preview-priority">
                {t('priorityHigh')}
              </span>
            )}
            {shown.notes.map((note) => (
              <span key={note.code} class="quick-add-note" data-testid="preview-note">
                {noteText(note)}
              </span>
            ))}
          </>
        )}
      </div>
    </div>
  );
}
