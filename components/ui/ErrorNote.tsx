import { t } from '../../lib/i18n/t';

/** A failure the rep can read: what went wrong, in plain words, never a stack trace. */
export function ErrorNote({ message }: { message: string }) {
  return (
    <p class="error-note" role="alert">
      {t('errorGeneric', message)}
    </p>
  );
}
