import { useState } from 'preact/hooks';
import { tn } from '../../lib/i18n/t';
import { useLiveQuery } from '../../lib/messaging/use-live-query';

/**
 * Emails no folder can show (unknown status from a newer version, damaged rows): listed here
 * with what is wrong, so nothing disappears silently and the folders keep working.
 */
export function NeedsAttention() {
  const rows = useLiveQuery('emails.needsAttention', {});
  const [open, setOpen] = useState(false);
  if (rows.status !== 'ready' || rows.value.length === 0) return null;
  return (
    <div class="attention" data-testid="needs-attention">
      <button type="button" class="link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {tn('needsAttentionCount', rows.value.length)}
      </button>
      {open && (
        <ul>
          {rows.value.map((row) => (
            <li key={row.id}>
              <code>{row.id}</code>: {row.problem}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
