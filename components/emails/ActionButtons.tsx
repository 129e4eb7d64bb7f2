import { ACTIONS_BY_STATUS } from '../../lib/emails/actions-by-status';
import type { EmailStatus } from '../../lib/emails/status';
import { t } from '../../lib/i18n/t';
import { ACTION_LABELS } from './action-labels';
import { type ActionTarget, useEmailActions } from './EmailActionsProvider';

/** The quick actions of one folder, for one email (a row, the detail) or many (the bulk bar). */
export function ActionButtons({
  status,
  targets,
  compact = false,
}: {
  status: EmailStatus;
  targets: ActionTarget[];
  compact?: boolean;
}) {
  const { request, progress } = useEmailActions();
  return (
    <span class={`actions ${compact ? 'actions-compact' : ''}`}>
      {ACTIONS_BY_STATUS[status].map((action) => (
        <button
          key={action}
          type="button"
          class={action === 'delete' ? 'danger-text' : ''}
          disabled={progress !== null}
          data-action={action}
          onClick={(event) => {
            event.stopPropagation();
            request(action, targets, status);
          }}
        >
          {t(ACTION_LABELS[action])}
        </button>
      ))}
    </span>
  );
}
