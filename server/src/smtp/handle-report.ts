import { type EventReason, eventReason } from '../reasons/event-reasons.ts';
import type { NewEvent, Repository } from '../storage/repository.ts';
import type { DsnRecipient } from './dsn-parser.ts';
import { findToken, type InboundReport, parseReport } from './report-parser.ts';
import { tokenFromBounceAddress } from './verp.ts';

function dsnReason(r: DsnRecipient): Pick<NewEvent, 'type'> & EventReason {
  const status = { status: r.status };
  if (r.severity === 'delayed') return { type: 'deferred', ...eventReason('deferred.dsn', status) };
  if (r.severity === 'delivered')
    return { type: 'delivered', ...eventReason('delivered.dsn', { action: r.action, ...status }) };
  return {
    type: 'bounce',
    ...eventReason(r.blocked ? 'bounce.blocked' : r.severity === 'hard' ? 'bounce.hard' : 'bounce.soft', status),
  };
}

function dsnEvent(r: DsnRecipient): Pick<NewEvent, 'type' | 'detail'> & EventReason {
  return {
    ...dsnReason(r),
    detail: `${r.recipient}: ${r.status}${r.diagnostic ? ` ${r.diagnostic}` : ''}`.slice(0, 500),
  };
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
    for (const r of report.recipients) events.push({ ...base, ...dsnEvent(r) });
  }
  if (base && report.kind === 'complaint' && report.spam) {
    events.push({
      ...base,
      type: 'complaint',
      ...eventReason(report.format === 'arf' ? 'complaint.arf' : 'complaint.jmrp'),
      detail: `${report.recipient ?? 'recipient not disclosed'} via ${report.reporter}`.slice(0, 300),
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
