import { formatList } from '../i18n/format';
import { t, tn } from '../i18n/t';
import type { RetargetRecipients } from './retarget';

// What Retarget says it left out, in the compose toolbar and in the sidebar alike.

/** "Left out: 2 who bounced, 1 duplicate." or '' when nobody was. */
export function skippedText(skipped: RetargetRecipients['skipped']): string {
  const parts = [
    skipped.bounced && tn('retargetSkippedBounced', skipped.bounced),
    skipped.complained && tn('retargetSkippedComplained', skipped.complained),
    skipped.duplicate && tn('retargetSkippedDuplicate', skipped.duplicate),
    skipped.invalid && tn('retargetSkippedInvalid', skipped.invalid),
    skipped.overLimit && tn('retargetSkippedOverLimit', skipped.overLimit),
  ].filter((part): part is string => Boolean(part));
  return parts.length ? t('retargetSkipped', formatList(parts)) : '';
}
