import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ACTIONS_BY_STATUS } from '../../lib/emails/actions-by-status';
import { UNSENT_STATUSES } from '../../lib/emails/status';
import { formatDateTime } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/t';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { useView } from '../app/view-store-context';
import { EmailTasks } from '../tasks/EmailTasks';
import { ErrorNote } from '../ui/ErrorNote';
import { MailText } from '../ui/MailText';
import { ActionButtons } from './ActionButtons';
import { Engagement } from './Engagement';
import { EventTimeline } from './EventTimeline';
import { FOLDER_LABELS } from './folder-labels';
import { RecipientList } from './RecipientList';
import { reasonText } from './reason-text';

/**
 * One email: recipients, subject, campaign, body preview (as text), status history, timeline.
 * Focus moves in (to Back) when it opens; Escape or Back returns to the list.
 */
export function EmailDetailView({ id }: { id: string }) {
  const detail = useLiveQuery('emails.detail', { id });
  if (detail.status === 'loading') return <DetailFrame>{null}</DetailFrame>;
  if (detail.status === 'error')
    return (
      <DetailFrame>
        <ErrorNote message={detail.error.message} />
      </DetailFrame>
    );
  const email = detail.value.email;
  if (!email)
    return (
      <DetailFrame>
        <p class="muted">{t('emailGone')}</p>
      </DetailFrame>
    );
  if (email.kind === 'damaged')
    return (
      <DetailFrame>
        <p class="damaged-mark">{t('needsAttentionRow', email.problem)}</p>
      </DetailFrame>
    );

  return (
    <DetailFrame testId="email-detail">
      <h2 class="detail-subject">{email.subject ? <MailText text={email.subject} /> : t('noSubject')}</h2>
      <dl class="facts">
        <dt>{t('to')}</dt>
        <dd>
          <RecipientList to={email.to} standings={detail.value.standings} />
        </dd>
        {email.cc && (
          <>
            <dt>{t('cc')}</dt>
            <dd>
              <RecipientList to={email.cc} standings={detail.value.standings} />
            </dd>
          </>
        )}
        {email.bcc && (
          <>
            <dt>{t('bcc')}</dt>
            <dd>
              <RecipientList to={email.bcc} standings={detail.value.standings} />
            </dd>
          </>
        )}
        {email.campaignName && (
          <>
            <dt>{t('campaign')}</dt>
            <dd>{email.campaignName}</dd>
          </>
        )}
        <dt>{t('status')}</dt>
        <dd data-testid="detail-status">
          {t(FOLDER_LABELS[email.status])} · {formatDateTime(email.statusAt)}
        </dd>
        {email.failure && (
          <>
            <dt>{t('reason')}</dt>
            <dd class="failure">{reasonText(email.failure)}</dd>
          </>
        )}
        {email.warning && (
          <>
            <dt>{t('deliveryWarning')}</dt>
            <dd class="delivery-warning" data-testid="detail-warning">
              {reasonText(email.warning.reason)} · {formatDateTime(email.warning.at)}
            </dd>
          </>
        )}
        <dt>{t('tracking')}</dt>
        <dd data-testid="detail-tracking">
          {email.tracking ? t('trackingOn') : email.untracked ? reasonText(email.untracked) : t('trackingOff')}
        </dd>
        {email.origin && (
          <>
            <dt>{t('messageIds')}</dt>
            <dd class="ids" data-testid="detail-ids">
              <span title={t('messageId')}>{email.id}</span>
              {email.threadId && <span title={t('threadId')}>{email.threadId}</span>}
            </dd>
          </>
        )}
      </dl>
      <div class="detail-actions">
        <ActionButtons
          actions={ACTIONS_BY_STATUS[email.status]}
          targets={[{ id: email.id, status: email.status, campaign: email.campaignId !== undefined }]}
        />
      </div>
      {!UNSENT_STATUSES.has(email.status) && <Engagement engagement={email.engagement} />}
      {/* Text only: a preview is never rendered as HTML. */}
      {email.bodyPreview && (
        <p class="body-preview">
          <MailText text={email.bodyPreview} />
        </p>
      )}
      <EmailTasks emailId={email.id} />
      <h3>{t('engagementTimeline')}</h3>
      <EventTimeline events={detail.value.events} />
      <h3>{t('statusHistory')}</h3>
      <ol class="history" data-testid="history">
        {email.statusHistory.map((change, index) => (
          <li key={index}>
            <time>{formatDateTime(change.at)}</time> <strong>{t(FOLDER_LABELS[change.status])}</strong>{' '}
            <span class="muted">{reasonText(change.reason)}</span>
          </li>
        ))}
      </ol>
    </DetailFrame>
  );
}

/** The open email's frame: Back, focus on arrival, Escape to leave. */
function DetailFrame({ children, testId }: { children: ComponentChildren; testId?: string }) {
  const openEmail = useView((state) => state.openEmail);
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  return (
    <article
      class="detail"
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        openEmail(null);
      }}
    >
      <button ref={back} type="button" class="link back" onClick={() => openEmail(null)} data-testid="detail-back">
        ← {t('back')}
      </button>
      {children}
    </article>
  );
}
