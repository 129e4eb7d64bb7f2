import type { EmailAction } from '../../lib/emails/actions-by-status';
import { t } from '../../lib/i18n/t';
import { ACTION_LABELS } from './action-labels';
import { type ActionTarget, useEmailActions } from './EmailActionsProvider';

/**
 * Quick actions for one email (a row, the detail) or many (the bulk bar): `actions` are those
 * its status offers (lib/emails/actions-by-status.ts), or those every selected email offers.
 */
export function ActionButtons({
  actions,
  targets,
  compact = false,
}: {
  actions: readonly EmailAction[];
  targets: ActionTarget[];
  compact?: boolean;
}) {
  const { request, progress } = useEmailActions();
  return (
    <span class={`actions ${compact ? 'actions-compact' : ''}`}>
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          class={action === 'delete' ? 'danger-text' : ''}
          disabled={progress !== null}
          data-action={action}
          onClick={(event) => {
            event.stopPropagation();
            request(action, targets);
          }}
        >
          {t(ACTION_LABELS[action])}
        </button>
      ))}
    </span>
  );
}
