// The labelled bounce corpus (see README.md beside this file): loading and scoring, shared by the
// unit test that validates the labels and the backend test that replays them over SMTP.
import { readdirSync, readFileSync } from 'node:fs';

export const corpusDir = new URL('./corpus/', import.meta.url).pathname;
/** Reports kept out of all tuning, to show how the rules generalise (README.md, "Held-out set"). */
export const holdoutDir = new URL('./holdout/', import.meta.url).pathname;

export const REASONS = [
  'userUnknown',
  'hostUnknown',
  'mailboxFull',
  'messageTooLarge',
  'policy',
  'spamDetected',
  'suspended',
  'rateLimited',
  'network',
  'expired',
  'systemError',
  'autoReply',
  'delivered',
  'unknown',
] as const;
export type Reason = (typeof REASONS)[number];
export const SEVERITIES = ['hard', 'soft', 'delayed', 'none'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Label {
  mta: string;
  reason: Reason;
  severity: Severity;
  final: boolean;
  recipient: string | null;
  status: string | null;
  sourceReason: string;
  sourceHardBounce: boolean;
  source: string;
}

/** The corpus's labels, or with `holdoutDir` the held-out set's (its labels.json sits beside it). */
export function loadLabels(dir = corpusDir): Record<string, Label> {
  const path = dir === corpusDir ? new URL('./labels.json', import.meta.url) : `${dir}labels.json`;
  const file = JSON.parse(readFileSync(path, 'utf8')) as { reports: Record<string, Label> };
  return file.reports;
}

export const corpusFiles = (dir = corpusDir): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort();

/** What the server made of one report, in the labels' vocabulary. */
export interface Outcome {
  severity: Severity;
  reason: Reason;
}

type FeedEvent = Record<string, unknown>;

/**
 * The one place that reads the server's events as a verdict; swap its body when the new classifier
 * lands. Today: bounce + bounce.hard/bounce.blocked → hard, bounce.soft → soft, deferred → delayed,
 * delivered or nothing → none. The reason is `reasonParams.reason` when the server sends one (the
 * new classifier will), else `unknown`. With several recipients, the event naming the labelled
 * recipient wins.
 */
export function outcomeOf(events: FeedEvent[], recipient: string | null): Outcome {
  const mine = recipient
    ? events.find((e) =>
        String(e.detail ?? '')
          .toLowerCase()
          .startsWith(`${recipient.toLowerCase()}:`),
      )
    : undefined;
  const event = mine ?? events[0];
  if (!event) return { severity: 'none', reason: 'unknown' };
  const params = (event.reasonParams ?? {}) as Record<string, unknown>;
  const reason = REASONS.find((r) => r === params.reason) ?? 'unknown';
  // The server's contract (server/README.md): a soft bounce is a `deferred` warning, a delay too,
  // the relay giving up a `failed`; older servers said bounce.soft / deferred.dsn.
  if (event.type === 'deferred')
    return { severity: event.reasonCode === 'deferred.softBounce' ? 'soft' : 'delayed', reason };
  if (event.type === 'failed' && event.reasonCode === 'failed.expiredReport') return { severity: 'soft', reason };
  if (event.type === 'bounce') return { severity: event.reasonCode === 'bounce.soft' ? 'soft' : 'hard', reason };
  return { severity: 'none', reason };
}
