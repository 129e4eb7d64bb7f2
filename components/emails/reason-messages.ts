import { BOUNCE_REASONS } from '../../lib/i18n/bounce-reason-keys';
import type { MessageKey } from '../../lib/i18n/t';

// Each reason code this version can show in the rep's language: its message in public/_locales
// and the order in which its parameters fill the message's $1…$9 (chrome.i18n substitutions are
// positional). Server codes are listed in server/README.md; the extension's own in
// lib/emails/local-reasons.ts. A code missing here shows its English text.

export interface ReasonMessage {
  key: MessageKey;
  params: readonly string[];
  /**
   * A message of its own for some values of one parameter, said instead of the general one and
   * of the English detail (which only repeats it in English).
   */
  variants?: { param: string; keys: Readonly<Record<string, MessageKey>> };
  /**
   * Parameters whose value is itself a code (a bounce's `reason`): each value said through its own
   * message, so the whole sentence is in the rep's language. A value not listed shows the English text.
   */
  codeParams?: Readonly<Record<string, Readonly<Record<string, MessageKey>>>>;
}

const byReason = { reason: BOUNCE_REASONS };

export const REASON_MESSAGES: ReadonlyMap<string, ReasonMessage> = new Map<string, ReasonMessage>([
  // From the tracking server.
  ['self.repView', { key: 'reasonSelfRepView', params: ['windowSeconds'] }],
  ['prefetch.headRequest', { key: 'reasonPrefetchHeadRequest', params: [] }],
  ['prefetch.purposeHeader', { key: 'reasonPrefetchPurposeHeader', params: ['purpose'] }],
  ['prefetch.appleMpp', { key: 'reasonPrefetchAppleMpp', params: [] }],
  ['prefetch.appleMppTruncated', { key: 'reasonPrefetchAppleMppTruncated', params: [] }],
  ['scanner.tooSoonAfterSend', { key: 'reasonScannerTooSoonAfterSend', params: ['seconds', 'windowSeconds'] }],
  ['scanner.userAgent', { key: 'reasonScannerUserAgent', params: ['marker'] }],
  ['scanner.emptyUserAgent', { key: 'reasonScannerEmptyUserAgent', params: [] }],
  ['scanner.duplicatedMozilla', { key: 'reasonScannerDuplicatedMozilla', params: [] }],
  ['scanner.networkClick', { key: 'reasonScannerNetworkClick', params: ['network'] }],
  ['scanner.listedNetworkClick', { key: 'reasonScannerListedNetworkClick', params: [] }],
  ['scanner.clickBurst', { key: 'reasonScannerClickBurst', params: ['links', 'windowSeconds'] }],
  ['proxy.imageProxy', { key: 'reasonProxyImageProxy', params: ['service', 'marker'] }],
  ['proxy.outlookImageProxy', { key: 'reasonProxyOutlookImageProxy', params: [] }],
  ['human.mailClient', { key: 'reasonHumanMailClient', params: ['client'] }],
  ['human.browser', { key: 'reasonHumanBrowser', params: [] }],
  ['unknown.truncatedWebKitLate', { key: 'reasonUnknownTruncatedWebKitLate', params: [] }],
  ['unknown.unrecognisedUserAgent', { key: 'reasonUnknownUnrecognisedUserAgent', params: [] }],
  ['scanner.securityGateway', { key: 'reasonScannerSecurityGateway', params: ['owner'] }],
  ['scanner.mailFiltering', { key: 'reasonScannerMailFiltering', params: ['owner'] }],
  ['scanner.crawler', { key: 'reasonScannerCrawler', params: ['name'] }],
  ['scanner.linkBurst', { key: 'reasonScannerLinkBurst', params: ['links', 'windowSeconds'] }],
  ['prefetch.appleNetwork', { key: 'reasonPrefetchAppleNetwork', params: ['network'] }],
  ['human.appleMailBeforeMpp', { key: 'reasonHumanAppleMailBeforeMpp', params: ['os'] }],
  ['human.appleMailOwnNetwork', { key: 'reasonHumanAppleMailOwnNetwork', params: ['network'] }],
  ['unknown.dataCentreBrowser', { key: 'reasonUnknownDataCentreBrowser', params: ['network'] }],
  ['unknown.webSecurityProxy', { key: 'reasonUnknownWebSecurityProxy', params: ['network'] }],
  ['unknown.unroutedAddress', { key: 'reasonUnknownUnroutedAddress', params: [] }],
  ['proxy.imageProxyNetwork', { key: 'reasonProxyImageProxyNetwork', params: ['network'] }],
  ['delivered.dsn', { key: 'reasonDeliveredDsn', params: ['action', 'status'] }],
  ['delivered.relayAccepted', { key: 'reasonDeliveredRelayAccepted', params: [] }],
  ['deferred.dsn', { key: 'reasonDeferredDsn', params: ['status'] }],
  ['deferred.retrying', { key: 'reasonDeferredRetrying', params: ['smtpCode', 'attempt', 'attempts'] }],
  ['deferred.noAnswerRetrying', { key: 'reasonDeferredNoAnswerRetrying', params: ['attempt', 'attempts'] }],
  ['bounce.hard', { key: 'reasonBounceHard', params: ['status'] }],
  ['bounce.soft', { key: 'reasonBounceSoft', params: ['status'] }],
  ['bounce.blocked', { key: 'reasonBounceBlocked', params: ['status'] }],
  // Since the server judges each report by its reason (issue #14).
  ['bounce.hardReason', { key: 'reasonBounceHardReason', params: ['reason', 'status'], codeParams: byReason }],
  ['bounce.blockedReason', { key: 'reasonBounceBlockedReason', params: ['reason', 'status'], codeParams: byReason }],
  ['deferred.softBounce', { key: 'reasonDeferredSoftBounce', params: ['reason', 'status'], codeParams: byReason }],
  [
    'deferred.delayedReason',
    { key: 'reasonDeferredDelayedReason', params: ['reason', 'status'], codeParams: byReason },
  ],
  ['failed.expiredReport', { key: 'reasonFailedExpiredReport', params: ['reason', 'status'], codeParams: byReason }],
  ['bounce.hardAtSend', { key: 'reasonBounceHardAtSend', params: ['smtpCode'] }],
  ['bounce.softAtSend', { key: 'reasonBounceSoftAtSend', params: ['smtpCode'] }],
  ['bounce.blockedAtSend', { key: 'reasonBounceBlockedAtSend', params: ['smtpCode'] }],
  ['failed.stillDeferred', { key: 'reasonFailedStillDeferred', params: ['smtpCode', 'attempts'] }],
  ['failed.noAnswer', { key: 'reasonFailedNoAnswer', params: ['attempts'] }],
  ['failed.interrupted', { key: 'reasonFailedInterrupted', params: [] }],
  ['complaint.arf', { key: 'reasonComplaintArf', params: [] }],
  ['complaint.jmrp', { key: 'reasonComplaintJmrp', params: [] }],
  // Written by the extension.
  ['draft.saved', { key: 'reasonDraftSaved', params: [] }],
  ['rep.archived', { key: 'reasonRepArchived', params: [] }],
  ['rep.unarchived', { key: 'reasonRepUnarchived', params: [] }],
  ['rep.rescheduled', { key: 'reasonRepRescheduled', params: [] }],
  ['rep.sentNow', { key: 'reasonRepSentNow', params: [] }],
  ['rep.retried', { key: 'reasonRepRetried', params: [] }],
  ['send.interrupted', { key: 'reasonSendInterrupted', params: [] }],
  ['delivery.softBounceKept', { key: 'reasonDeliverySoftBounceKept', params: [] }],
  ['demo.created', { key: 'reasonDemoCreated', params: [] }],
  ['demo.data', { key: 'reasonDemoData', params: [] }],
  ['reply.seenInThread', { key: 'reasonReplySeenInThread', params: [] }],
  ['send.fromWebmail', { key: 'reasonSendFromWebmail', params: [] }],
  ['send.undoWindowPassed', { key: 'reasonSendUndoWindowPassed', params: [] }],
  ['send.undone', { key: 'reasonSendUndone', params: [] }],
  ['send.notSentByWebmail', { key: 'reasonSendNotSentByWebmail', params: [] }],
  ['send.webmailUnconfirmed', { key: 'reasonSendWebmailUnconfirmed', params: [] }],
  ['untracked.byRep', { key: 'reasonUntrackedByRep', params: [] }],
  ['untracked.offByDefault', { key: 'reasonUntrackedOffByDefault', params: [] }],
  ['untracked.neverTrack', { key: 'reasonUntrackedNeverTrack', params: ['recipient'] }],
  ['untracked.noServer', { key: 'reasonUntrackedNoServer', params: [] }],
  [
    'untracked.serverProblem',
    {
      key: 'reasonUntrackedServerProblem',
      params: [],
      // lib/tracking/server-client.ts ServerProblem
      variants: {
        param: 'problem',
        keys: {
          unreachable: 'untrackedProblemUnreachable',
          keyRefused: 'untrackedProblemKeyRefused',
          serverError: 'untrackedProblemServerError',
          notOurServer: 'untrackedProblemNotOurServer',
          badAnswer: 'untrackedProblemBadAnswer',
        },
      },
    },
  ],
  ['untracked.serverSlow', { key: 'reasonUntrackedServerSlow', params: ['seconds'] }],
  ['untracked.serverDeclined', { key: 'reasonUntrackedServerDeclined', params: [] }],
  ['untracked.plainText', { key: 'reasonUntrackedPlainText', params: [] }],
  ['untracked.composeUnreadable', { key: 'reasonUntrackedComposeUnreadable', params: ['parts'] }],
  ['untracked.bodyChanged', { key: 'reasonUntrackedBodyChanged', params: [] }],
]);
