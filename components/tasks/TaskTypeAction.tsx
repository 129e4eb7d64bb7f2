import { t } from '../../lib/i18n/t';
import { requestCompose } from '../../lib/messaging/frame-host';
import type { TaskRow } from '../../lib/tasks/task-page';

/** LinkedIn's people search for a name (and company): the rep picks the profile there. */
export function linkedinSearchUrl(task: Pick<TaskRow, 'personLabel' | 'personCompany' | 'title'>): string {
  const keywords = [task.personLabel ?? task.title, task.personCompany].filter(Boolean).join(' ');
  return `https://www.linkedin.com/search/results/people/?keywords=${encodeURIComponent(keywords)}`;
}

/**
 * What a task of its type lets the rep do at once: an Email task opens a prefilled compose in
 * the webmail, a Call task its number as a tel: link, a LinkedIn task a people search in a new tab.
 */
export function TaskTypeAction({ task }: { task: TaskRow }) {
  if (task.type === 'email') {
    return (
      <button
        type="button"
        class="primary"
        data-testid="task-write-email"
        onClick={() =>
          requestCompose({
            to: task.personEmail
              ? [{ address: task.personEmail, ...(task.personLabel ? { name: task.personLabel } : {}) }]
              : [],
            subject: task.emailSubject ? `Re: ${task.emailSubject}` : task.title,
            body: task.notes ?? '',
          })
        }
      >
        {t('taskWriteEmail')}
      </button>
    );
  }
  if (task.type === 'call') {
    return task.personPhone ? (
      <a class="button primary" data-testid="task-call" href={`tel:${task.personPhone.replace(/[^\d+]/g, '')}`}>
        {t('taskCallNumber', task.personPhone)}
      </a>
    ) : (
      <span class="task-no-number" data-testid="task-no-number">
        {t('taskNoNumber')}
      </span>
    );
  }
  if (task.type === 'linkedin') {
    return (
      <a
        class="button primary"
        data-testid="task-linkedin"
        href={linkedinSearchUrl(task)}
        target="_blank"
        rel="noopener noreferrer"
      >
        {t('taskOpenLinkedin')}
      </a>
    );
  }
  return null;
}
