import { defaultTracking, loadTrackingPrefs, type TrackingPrefs, watchTrackingPrefs } from '../compose/tracking-prefs';
import type { UntrackedCode, UntrackedReason } from '../emails/local-reasons';
import { formatList, formatNumber } from '../i18n/format';
import { type MessageKey, t } from '../i18n/t';
import type { ComposeView } from '../sites/compose-view';
import type { ServerProblem } from '../tracking/server-client';
import { loadServerSettings, watchServerSettings } from '../tracking/server-settings';
import type { ToolbarStatus } from './compose-toolbar';

// Whether a compose's email will be tracked, and what its toolbar says about it.

/** What the decision depends on beyond the compose itself: the rep's settings. */
export interface TrackingInputs {
  prefs(): TrackingPrefs;
  serverConfigured(): boolean;
  /** Calls `listener` whenever either changes, until `signal` aborts. */
  onChange(listener: () => void, signal: AbortSignal): void;
}

export type TrackingDecision = (
  | { track: true; switchable: true }
  | { track: false; switchable: boolean; reason: UntrackedReason }
) & { busy?: boolean };

/**
 * In order: a compose we cannot read is never touched; plain text and a missing server cannot
 * be tracked; then the rep's own flip of the switch; then the settings (never-track list first).
 */
export function decideTracking(compose: ComposeView, inputs: TrackingInputs, choice: boolean | null): TrackingDecision {
  const health = compose.health();
  if (health.status !== 'ok')
    return {
      track: false,
      switchable: false,
      reason: { code: 'untracked.composeUnreadable', params: { parts: health.missing.join(', ') } },
    };
  if (compose.plainText()) return { track: false, switchable: false, reason: { code: 'untracked.plainText' } };
  if (!inputs.serverConfigured()) return { track: false, switchable: false, reason: { code: 'untracked.noServer' } };
  if (choice === true) return { track: true, switchable: true };
  if (choice === false) return { track: false, switchable: true, reason: { code: 'untracked.byRep' } };
  const recipients = (['to', 'cc', 'bcc'] as const).flatMap((field) => compose.recipients(field).map((r) => r.address));
  const byDefault = defaultTracking(recipients, inputs.prefs());
  if (byDefault.track) return { track: true, switchable: true };
  if (byDefault.reason === 'neverTrack')
    return {
      track: false,
      switchable: true,
      reason: { code: 'untracked.neverTrack', params: { recipient: byDefault.recipient } },
    };
  return { track: false, switchable: true, reason: { code: 'untracked.offByDefault' } };
}

export function statusOf(decision: TrackingDecision): ToolbarStatus {
  if (decision.busy) return { text: t('composeSending'), tone: 'busy' };
  if (decision.track) return { text: t('composeTrackedStatus'), tone: 'tracked' };
  const { code, params } = decision.reason;
  if (code === 'untracked.composeUnreadable')
    return { text: t('composeTrackingUnavailable', partNames(params?.parts)), tone: 'unavailable' };
  if (code === 'untracked.neverTrack')
    return { text: t('composeNotTrackedNeverTrack', String(params?.recipient ?? '')), tone: 'untracked' };
  const key = STATUS_KEYS[code];
  return { text: key ? t(key) : t('composeNotTrackedServer', untrackedText(decision.reason)), tone: 'untracked' };
}

const STATUS_KEYS: Partial<Record<UntrackedCode, MessageKey>> = {
  'untracked.plainText': 'composeNotTrackedPlainText',
  'untracked.noServer': 'composeNotTrackedNoServer',
  'untracked.offByDefault': 'composeNotTrackedDefault',
  'untracked.byRep': 'composeNotTrackedOff',
};

/**
 * Why an email went out untracked, in the rep's language: the same messages the sidebar shows
 * (components/emails/reason-messages.ts), without its whole table in the content script.
 */
export function untrackedText({ code, params, detail }: UntrackedReason): string {
  const text = (() => {
    switch (code) {
      case 'untracked.serverSlow':
        return t('reasonUntrackedServerSlow', formatNumber(Number(params?.seconds ?? 1)));
      case 'untracked.neverTrack':
        return t('reasonUntrackedNeverTrack', String(params?.recipient ?? ''));
      case 'untracked.composeUnreadable':
        return t('reasonUntrackedComposeUnreadable', partNames(params?.parts));
      case 'untracked.serverProblem': {
        // The rep's language for what went wrong; the English detail only when the kind is unknown.
        const key = PROBLEM_KEYS[String(params?.problem) as ServerProblem] as MessageKey | undefined;
        if (key) return t(key);
        return detail ? `${t(REASON_KEYS[code])} — ${detail}` : t(REASON_KEYS[code]);
      }
      default:
        return detail ? `${t(REASON_KEYS[code])} — ${detail}` : t(REASON_KEYS[code]);
    }
  })();
  return text;
}

const PROBLEM_KEYS: Record<ServerProblem, MessageKey> = {
  unreachable: 'untrackedProblemUnreachable',
  keyRefused: 'untrackedProblemKeyRefused',
  serverError: 'untrackedProblemServerError',
  notOurServer: 'untrackedProblemNotOurServer',
  badAnswer: 'untrackedProblemBadAnswer',
};

// The compose parts health() names (lib/sites/compose-view.ts COMPOSE_PARTS, plus the prefill's
// "cc field"/"bcc field"), in the rep's language; a name this version does not know stays as it is.
const PART_KEYS: Record<string, MessageKey> = {
  'to field': 'composePartTo',
  'cc field': 'composePartCc',
  'bcc field': 'composePartBcc',
  subject: 'composePartSubject',
  body: 'composePartBody',
  'send button': 'composePartSend',
};

function partNames(parts: string | number | undefined): string {
  const names = String(parts ?? '')
    .split(', ')
    .filter(Boolean);
  return formatList(names.map((name) => (PART_KEYS[name] ? t(PART_KEYS[name]) : name)));
}

const REASON_KEYS: Record<UntrackedCode, MessageKey> = {
  'untracked.byRep': 'reasonUntrackedByRep',
  'untracked.offByDefault': 'reasonUntrackedOffByDefault',
  'untracked.neverTrack': 'reasonUntrackedNeverTrack',
  'untracked.noServer': 'reasonUntrackedNoServer',
  'untracked.serverProblem': 'reasonUntrackedServerProblem',
  'untracked.serverSlow': 'reasonUntrackedServerSlow',
  'untracked.serverDeclined': 'reasonUntrackedServerDeclined',
  'untracked.plainText': 'reasonUntrackedPlainText',
  'untracked.composeUnreadable': 'reasonUntrackedComposeUnreadable',
  'untracked.bodyChanged': 'reasonUntrackedBodyChanged',
};

/** The settings as this tab knows them, loaded once and kept up to date from storage. */
export function settingsInputs(signal: AbortSignal): TrackingInputs {
  let prefs: TrackingPrefs = { trackByDefault: true, neverTrack: [] };
  let serverConfigured = false;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const reload = () =>
    void Promise.all([loadTrackingPrefs(), loadServerSettings()]).then(([nextPrefs, server]) => {
      prefs = nextPrefs;
      serverConfigured = server !== null;
      changed();
    });
  reload();
  const unwatchPrefs = watchTrackingPrefs(reload);
  const unwatchServer = watchServerSettings(reload);
  signal.addEventListener(
    'abort',
    () => {
      unwatchPrefs();
      unwatchServer();
      listeners.clear();
    },
    { once: true },
  );
  return {
    prefs: () => prefs,
    serverConfigured: () => serverConfigured,
    onChange(listener, until) {
      listeners.add(listener);
      until.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
  };
}
