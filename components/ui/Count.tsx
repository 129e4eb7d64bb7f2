import { formatCount } from '../../lib/i18n/t';

/** A folder or tab count; `undefined` while loading (shows a placeholder, not a wrong zero). */
export function Count({ value, testId }: { value: number | undefined; testId?: string }) {
  return (
    <span class="count" data-testid={testId} aria-hidden="true">
      {value === undefined ? '·' : formatCount(value)}
    </span>
  );
}
