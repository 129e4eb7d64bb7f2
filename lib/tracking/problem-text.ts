import { type MessageKey, t } from '../i18n/t';
import type { CheckProblem, ServerCheckFailure } from './check-connection';
import type { ServerProblem } from './server-client';
import type { SyncStatus } from './sync-status';

// Each failure code has its text in the rep's language. The options page speaks to a rep who is
// typing the address and key; the sidebar to one who is not, so it points to the options.

const CHECK_TEXT: Record<CheckProblem, MessageKey> = {
  urlMissing: 'optionsProblemUrlMissing',
  urlInvalid: 'optionsProblemUrlInvalid',
  urlNotSecure: 'optionsProblemUrlNotSecure',
  keyMissing: 'optionsProblemKeyMissing',
  keyTooShort: 'optionsProblemKeyTooShort',
  keyTooLong: 'optionsProblemKeyTooLong',
  unreachable: 'optionsProblemUnreachable',
  notOurServer: 'optionsProblemNotOurServer',
  keyRefused: 'optionsProblemKeyRefused',
  serverError: 'optionsProblemServerError',
  badAnswer: 'optionsProblemBadAnswer',
};

const SYNC_TEXT: Record<ServerProblem, MessageKey> = {
  unreachable: 'optionsSyncUnreachable',
  notOurServer: 'optionsSyncNotOurServer',
  keyRefused: 'optionsSyncKeyRefused',
  serverError: 'optionsSyncServerError',
  badAnswer: 'optionsSyncBadAnswer',
};

/** What the options page says about a failed check. */
export function describeCheckFailure(check: ServerCheckFailure): string {
  if (check.suggestedUrl) return t('optionsProblemWrongPath', check.suggestedUrl);
  return t(CHECK_TEXT[check.problem]);
}

/** What the sidebar's tooltip says about the last failed pull; the stored English text if it has no code. */
export function describeSyncFailure(status: SyncStatus): string {
  // Stored by an older or newer version, the code may be one this version does not know.
  const key = status.code ? (SYNC_TEXT[status.code] as MessageKey | undefined) : undefined;
  return key ? t(key) : (status.error ?? '');
}
