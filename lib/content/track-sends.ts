import { bodyPreview } from '../compose/body-preview';
import { instrumentBody } from '../compose/instrument-body';
import { OwnInstrumentation } from '../compose/own-instrumentation';
import { findTrackableLinks } from '../compose/tracked-links';
import type { UntrackedReason, WebmailSend } from '../emails/webmail-sends';
import type { CommandArgs } from '../messaging/protocol';
import type { ComposeView } from '../sites/compose-view';
import type { SiteAdapter } from '../sites/site-adapter';
import type { PreparedSend } from '../tracking/prepare-send';
import { type ComposeToolbar, mountComposeToolbar } from './compose-toolbar';
import { decideTracking, statusOf, type TrackingDecision, type TrackingInputs } from './compose-tracking-state';
import { interceptSend } from './intercept-send';
import { recipientWarnings, type StandingsLookup } from './recipient-warnings';
import { mountRetarget, type RetargetChannel } from './retarget-picker';
import { showSendNotice } from './send-notice';
import { createUndoWatch } from './undo-watch';

/** The rep's Send goes out within 1.5 s of the click whatever the server does (issue #10). */
export const SEND_BUDGET_MS = 1500;
/** What we leave of it for our own work after the background's answer and for the webmail. */
const OWN_WORK_MS = 200;
/** A webmail that takes the send closes its compose at once; one still open after this refused it. */
const CLOSE_WAIT_MS = 4000;
/** The toolbar looks at the compose again once the rep has paused this long. */
const REFRESH_PAUSE_MS = 250;

/** The background's side of a send, as commands (a seam for tests). */
export interface SendChannel {
  prepare(args: CommandArgs<'compose.prepareSend'>): Promise<PreparedSend>;
  sent(args: CommandArgs<'compose.sent'>): Promise<unknown>;
  undone(id: string): Promise<unknown>;
  windowClosed(id: string): Promise<unknown>;
  notSent(id: string): Promise<unknown>;
  discarded(id: string): Promise<unknown>;
  campaigns(): Promise<{ id: string; name: string }[]>;
  /** The typed addresses that bounced hard or complained. */
  standings: StandingsLookup;
  retarget: RetargetChannel;
}

/** How long the last Send took, on the toolbar's host (read by the benchmarks and tests). */
export interface SendTiming {
  /** Click to the webmail's own send handler. */
  totalMs: number;
  /** Our work without the wait for the background and server. */
  ownMs: number;
  tracked: boolean;
}

const log = (what: string, error: unknown) => console.warn(`[command-center] ${what}`, error);

/**
 * Tracked sends through the rep's own Send, in every compose: the toolbar, the catch of Send,
 * the pixel and click URLs, the hand-over to the webmail and its Undo window.
 */
export function trackSends(
  adapter: SiteAdapter,
  inputs: TrackingInputs,
  channel: SendChannel,
  signal: AbortSignal,
  doc: Document = document,
): void {
  const own = new OwnInstrumentation();
  const undo = createUndoWatch(
    adapter,
    {
      undone: (id) => void channel.undone(id).catch((error: unknown) => log('undo not recorded', error)),
      windowClosed: (id) => void channel.windowClosed(id).catch((error: unknown) => log('send not confirmed', error)),
    },
    signal,
    doc,
  );
  adapter.onComposeOpened(
    (compose) => attachCompose({ adapter, inputs, channel, own, compose, replaces: undo.claim(compose), undo }),
    signal,
    doc,
  );
}

interface ComposeContext {
  adapter: SiteAdapter;
  inputs: TrackingInputs;
  channel: SendChannel;
  own: OwnInstrumentation;
  compose: ComposeView;
  /** The undone send this compose is, if it is one. */
  replaces: string | undefined;
  undo: ReturnType<typeof createUndoWatch>;
}

function attachCompose(context: ComposeContext): void {
  const { compose, channel } = context;
  const toolbar = mountComposeToolbar(compose);
  compose.closed.addEventListener('abort', () => toolbar.remove(), { once: true });
  let choice: boolean | null = null; // the rep's own flip of the switch, over the default
  let sending = false;

  const decision = (): TrackingDecision => decideTracking(compose, context.inputs, choice);
  const warnAbout = recipientWarnings(channel.standings, toolbar.setWarning);
  mountRetarget(compose, toolbar.actions, toolbar.panels, channel.retarget);
  const refresh = () => {
    if (sending) return;
    const current = decision();
    toolbar.setTracking(current.track);
    toolbar.setTrackingEnabled(current.switchable);
    toolbar.setStatus(statusOf(current));
    warnAbout((['to', 'cc', 'bcc'] as const).flatMap((field) => compose.recipients(field).map((r) => r.address)));
  };
  toolbar.onTrackingChange((on) => {
    choice = on;
    refresh();
  });
  toolbar.onCampaignFocus(() => {
    channel.campaigns().then(toolbar.setCampaigns, (error: unknown) => log('campaigns not loaded', error));
  });
  // Recipients change by typing and by the webmail's chips; looking again when the rep leaves a
  // field or pauses is enough. A keystroke only notes its time (one timer for a whole burst, not a
  // clearTimeout/setTimeout pair per key: BENCHMARKS.md, typing in a compose).
  let lastEventAt = 0;
  let waiting = false;
  const settle = () => {
    const left = lastEventAt + REFRESH_PAUSE_MS - performance.now();
    if (left > 0) setTimeout(settle, left);
    else {
      waiting = false;
      refresh();
    }
  };
  const refreshSoon = () => {
    lastEventAt = performance.now();
    if (waiting) return;
    waiting = true;
    setTimeout(settle, REFRESH_PAUSE_MS);
  };
  for (const type of ['focusout', 'keyup', 'paste', 'click'] as const) {
    compose.root.addEventListener(type, refreshSoon, { signal: compose.closed });
  }
  context.inputs.onChange(refresh, compose.closed);
  refresh();

  if (context.replaces) {
    const replaced = context.replaces;
    // The undone send came back with our pixel and click URLs in it: the draft is the rep's again.
    const body = compose.body();
    if (body && context.own.strip(body) > 0) body.dispatchEvent(new InputEvent('input', { bubbles: true }));
    compose.root.addEventListener(
      'click',
      (event) => {
        const discard = compose.discardControl();
        if (discard && event.target instanceof Node && discard.contains(event.target))
          void channel.discarded(replaced).catch((error: unknown) => log('discard not recorded', error));
      },
      { capture: true, signal: compose.closed },
    );
  }

  interceptSend(
    compose.root,
    context.adapter.site,
    () => compose.sendControl(),
    () => {
      const current = decision();
      return sending || current.track || current.reason.code !== 'untracked.composeUnreadable';
    },
    (interception) => {
      // A second Send while the first is on its way: swallowed, one mail.
      if (sending) return;
      sending = true;
      void send(context, toolbar, decision(), interception.release).then((result) => {
        sending = false;
        if (result === 'not-sent') refresh();
      });
    },
    compose.closed,
  );
}

async function send(
  context: ComposeContext,
  toolbar: ComposeToolbar,
  current: TrackingDecision,
  release: () => boolean,
): Promise<'sent' | 'not-sent'> {
  const { compose, adapter, channel, own } = context;
  const clickedAt = performance.now();
  const body = compose.body();
  // An undone send came back with our pixel and click URLs in it: the rep's own text first.
  if (body) own.strip(body);
  const identity = compose.identity();
  const sendRecord: WebmailSend = {
    id: crypto.randomUUID(),
    site: adapter.site,
    to: compose.recipients('to'),
    cc: compose.recipients('cc'),
    bcc: compose.recipients('bcc'),
    subject: compose.subject(),
    bodyPreview: body ? bodyPreview(body, adapter.quotedHistory) : '',
    campaign: toolbar.campaign(),
    draftId: identity.draftId,
    threadId: identity.threadId,
    replaces: context.replaces,
  };
  toolbar.setStatus({ text: statusOf({ ...current, busy: true }).text, tone: 'busy' });

  const links = current.track && body ? findTrackableLinks(body, adapter.quotedHistory) : [];
  let ownMs = performance.now() - clickedAt;
  let untracked: UntrackedReason | undefined = current.track ? undefined : current.reason;
  let registered = false;
  const prepared = await withDeadline(
    channel.prepare({ send: sendRecord, track: current.track, untracked, links }),
    SEND_BUDGET_MS - OWN_WORK_MS - (performance.now() - clickedAt),
  );
  const afterAnswer = performance.now();
  if (prepared === 'late') {
    registered = current.track;
    untracked = { code: 'untracked.serverSlow', params: { seconds: (SEND_BUDGET_MS - OWN_WORK_MS) / 1000 } };
  } else if (prepared instanceof Error) {
    untracked = { code: 'untracked.serverProblem', detail: prepared.message.slice(0, 500) };
  } else if (prepared.tracking && body) {
    registered = true;
    try {
      instrumentBody(body, prepared, adapter.quotedHistory);
      own.remember(prepared.pixelUrl, links, prepared.clickUrls);
      untracked = undefined;
    } catch (error) {
      log('body not tracked', error);
      untracked = { code: 'untracked.bodyChanged' };
    }
  } else if (!prepared.tracking) untracked = prepared.untracked;

  const released = release();
  const sentAt = performance.now();
  ownMs += sentAt - afterAnswer;
  const tracked = untracked === undefined && current.track;
  toolbar.timing({ totalMs: sentAt - clickedAt, ownMs, tracked });
  if (!released || !(await closesSoon(compose))) {
    if (body) own.strip(body);
    await channel.notSent(sendRecord.id).catch((error: unknown) => log('unsent email not removed', error));
    return 'not-sent';
  }
  const handover: CommandArgs<'compose.sent'> = {
    send: sendRecord,
    tracked,
    undoWindowMs: adapter.undoSend.windowMs,
    registered,
    ...(untracked ? { untracked } : {}),
  };
  context.undo.watch({ id: sendRecord.id, draftId: identity.draftId, until: Date.now() + adapter.undoSend.windowMs });
  if (untracked && current.track) showSendNotice(compose.root.ownerDocument, untracked);
  await channel.sent(handover).catch((error: unknown) => log('sent email not recorded', error));
  return 'sent';
}

/** The answer, 'late' when it did not come within `ms`, or the error the channel threw. */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | 'late' | Error> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('late'), Math.max(0, ms));
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function closesSoon(compose: ComposeView): Promise<boolean> {
  if (compose.closed.aborted || !compose.root.isConnected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(!compose.root.isConnected), CLOSE_WAIT_MS);
    compose.closed.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      { once: true },
    );
  });
}
