import { type EventReason, eventReason } from '../reasons/event-reasons.ts';
import type { NewEvent, Repository } from '../storage/repository.ts';
import type { DsnRecipient } from './dsn-parser.ts';
import { findToken, type InboundReport, parseReport } from './report-parser.ts';
import { tokenFromBounceAddress } from './verp.ts';

/**
 * What a report does to the email: a dead address bounces it, a condition that passes (a full
 * mailbox, a rate limit) or a delay is a warning, the relay giving up is a failure.
 */
function dsnReason(r: DsnRecipient): (Pick<NewEvent, 'type'> & EventReason) | null {
  const params = { reason: r.reason, status: r.status };
  if (r.severity === 'delivered') {
    if (r.reason === 'autoReply') return null;
    return { type: 'delivered', ...eventReason('delivered.dsn', { action: r.action, status: r.status }) };
  }
  if (r.final) return { type: 'failed', ...eventReason('failed.expiredReport', params) };
  if (r.severity === 'delayed') return { type: 'deferred', ...eventReason('deferred.delayedReason', params) };
  if (r.severity === 'soft') return { type: 'deferred', ...eventReason('deferred.softBounce', params) };
  return { type: 'bounce', ...eventReason('bounce.hardReason', params) };
}

function dsnEvent(r: DsnRecipient): (Pick<NewEvent, 'type' | 'detail' | 'recipient'> & EventReason) | null {
  const reason = dsnReason(r);
  if (!reason) return null;
  return {
    ...reason,
    detail: `${r.recipient}: ${r.status}${r.diagnostic ? ` ${r.diagnostic}` : ''}`.slice(0, 500),
    recipient: reportedAddress(r.recipient),
  };
}

/** The address a report names, when it is one (reports also say "unknown" or nothing). */
function reportedAddress(text: string | null | undefined): string | null {
  const address = text?.trim().toLowerCase() ?? '';
  return /^[^\s@<>]+@[^\s@<>]+$/.test(address) && address.length <= 320 ? address : null;
}

export interface HandledReport {
  report: InboundReport;
  matched: boolean;
  events: number;
}

/**
 * Turns one message received on the bounce domain into feed events. The message is found by the
 * VERP recipient, else by our token quoted in the report. Complaints that are not spam (opt-out,
 * auth-failure) and reports that match no message are kept in inbound_reports only.
 */
export async function handleInboundReport(
  repo: Repository,
  bounceDomain: string,
  raw: string,
  recipients: string[],
  now: number,
): Promise<HandledReport> {
  const report = parseReport(raw);
  const token =
    recipients.map((r) => tokenFromBounceAddress(r, bounceDomain)).find((t) => t !== null) ??
    findToken(raw, bounceDomain);
  const message = token ? ((await repo.findMessagesByTokens([token])).get(token) ?? null) : null;
  const base = message
    ? {
        accountId: message.accountId,
        messagePk: message.pk,
        messageId: message.messageId,
        at: now,
        classification: null,
      }
    : null;
  const events: NewEvent[] = [];
  if (base && report.kind === 'dsn') {
    for (const r of report.recipients) {
      const event = dsnEvent(r);
      if (event) events.push({ ...base, ...event });
    }
  }
  if (base && report.kind === 'complaint' && report.spam) {
    events.push({
      ...base,
      type: 'complaint',
      ...eventReason(report.format === 'arf' ? 'complaint.arf' : 'complaint.jmrp'),
      detail: `${report.recipient ?? 'recipient not disclosed'} via ${report.reporter}`.slice(0, 300),
      recipient: reportedAddress(report.recipient),
    });
  }
  await repo.insertEvents(events, now);
  const summary =
    report.kind === 'dsn'
      ? report.recipients.map((r) => `${r.recipient} ${r.action} ${r.status}`).join('; ')
      : report.kind === 'complaint'
        ? `${report.feedbackType} from ${report.reporter}`
        : `unrecognised: ${report.subject}`;
  const kind = report.kind === 'complaint' ? `complaint:${report.feedbackType}` : report.kind;
  await repo.recordInboundReport(
    message ? kind : `${kind}:unmatched`,
    message?.pk ?? null,
    summary.slice(0, 1000),
    now,
  );
  return { report, matched: message !== null, events: events.length };
}
