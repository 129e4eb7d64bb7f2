import type { EventReason, ReasonParams } from '../reasons/event-reasons.ts';

// An event's reason lives in three columns: reason (English text, as before codes), reason_code
// and reason_params. Parameters are JSON text on both backends, so both read back the same.

export function paramsJson(params: ReasonParams | null | undefined): string | null {
  return params && Object.keys(params).length > 0 ? JSON.stringify(params) : null;
}

/** reason, reason_code, reason_params, in that order, for an INSERT or an UPDATE … SET. */
export function reasonColumns(reason: EventReason): [string, string, string | null] {
  return [reason.reason, reason.reasonCode, paramsJson(reason.reasonParams)];
}

/** Stored parameters back; anything but a flat object of strings and numbers reads as none. */
export function paramsFromColumn(value: unknown): ReasonParams | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const entries = Object.entries(parsed);
    return entries.every(([, v]) => typeof v === 'string' || typeof v === 'number')
      ? Object.fromEntries(entries)
      : null;
  } catch {
    return null;
  }
}
