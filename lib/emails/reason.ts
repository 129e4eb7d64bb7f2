// Why something happened to an email, as the UI gets it: a stable code that the sidebar shows in
// the rep's language (components/emails/reason-text.ts), its parameters, and the English text.
// Rows keep the text where it always was (`reason`, `failureReason`), so rows written before
// codes existed, and codes this version does not know, still read.

export type ReasonParams = Record<string, string | number>;

export interface Reason {
  /** Dotted lower-camel (`bounce.hard`); absent on rows from before reason codes. */
  code?: string;
  params?: ReasonParams;
  /** English, shown when there is no code or the code is unknown here. Includes the detail. */
  text: string;
  /** Specifics from outside (recipient, the remote server's reply), shown as they are after the reason. */
  detail?: string;
}

/** A reason on a history entry or an event row. */
export interface StoredReason {
  reason: string;
  reasonCode?: string;
  reasonParams?: ReasonParams;
  reasonDetail?: string;
}

/** The failure reason on an email row. */
export interface StoredFailure {
  // `| undefined`: a new failure clears the fields an earlier one set (toStoredFailure).
  failureReason?: string | undefined;
  failureCode?: string | undefined;
  failureParams?: ReasonParams | undefined;
  failureDetail?: string | undefined;
}

export function toStoredReason(reason: Reason): StoredReason {
  return {
    reason: reason.text,
    ...(reason.code !== undefined ? { reasonCode: reason.code } : {}),
    ...(reason.params !== undefined ? { reasonParams: reason.params } : {}),
    ...(reason.detail !== undefined ? { reasonDetail: reason.detail } : {}),
  };
}

export function fromStoredReason(row: Partial<StoredReason>): Reason {
  return reasonOf(row.reason, row.reasonCode, row.reasonParams, row.reasonDetail);
}

/**
 * Every failure field, the missing ones as undefined: spread over an email that failed before,
 * it must not leave the earlier failure's code beside the new text.
 */
export function toStoredFailure(reason: Reason): Required<Pick<StoredFailure, 'failureReason'>> & StoredFailure {
  return {
    failureReason: reason.text,
    failureCode: reason.code,
    failureParams: reason.params,
    failureDetail: reason.detail,
  };
}

export function fromStoredFailure(row: StoredFailure): Reason | undefined {
  return row.failureReason
    ? reasonOf(row.failureReason, row.failureCode, row.failureParams, row.failureDetail)
    : undefined;
}

// Rows come from IndexedDB, where older versions (or damage) may have left anything.
function reasonOf(text: unknown, code: unknown, params: unknown, detail: unknown): Reason {
  const reason: Reason = { text: typeof text === 'string' ? text : '' };
  if (typeof code === 'string') reason.code = code;
  if (typeof params === 'object' && params !== null) reason.params = params as ReasonParams;
  if (typeof detail === 'string') reason.detail = detail;
  return reason;
}
