import { t, tn } from '../../lib/i18n/t';
import type { ListNote } from '../../lib/lists/lists';

/** Why a list does not run as it was saved, in the rep's words. */
export function listNoteText(note: ListNote): string {
  switch (note.kind) {
    case 'newer':
      return t('listNoteNewer');
    case 'invalid':
      return t('listNoteInvalid', note.field);
    case 'missingCampaign':
      return tn('listNoteMissingCampaign', note.count);
  }
}
