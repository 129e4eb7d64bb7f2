import { formatDateTime } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/t';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { useView } from '../app/view-store-context';
import { ErrorNote } from '../ui/ErrorNote';
import { ActionButtons } from './ActionButtons';
import { Engagement } from './Engagement';
import { EventTimeline } from './EventTimeline';
import { FOLDER_LABELS } from './folder-labels';
import { reasonText } from './reason-text';

/** One email: recipients, subject, campaign, body preview (as text), status history, timeline. */
export function EmailDetailView({ id }: { id: string }) {
  const openEmail = useView((state) => state.openEmail);
  const detail = useLiveQuery('emails.detail', { id });
  const back = (
    <button type="button" class="link back" onClick={() => openEmail(null)} data-testid="detail-back">
      ← {t('back')}
    </button>
  );
  if (detail.status === 'loading') return <div class="detail">{back}</div>;
  if (detail.status === 'error') return <div class="detail">{back}<ErrorNote message={detail.error.message} /></div>;
  const email = detail.value.email;
  if (!email) return <div class="detail">{back}<p class="muted">{t('emailGone')}</p></div>;
  if (email.kind === 'damaged') return <div class="detail">{back}<p class="damaged-mark">{t('needsAttentionRow', email.problem)}</p></div>;

  return (
    <article class="detail" data-testid="email-detail">
      {back}
      <h2 class="detail-subject">{email.subject || t('noSubject')}</h2>
      <dl class="facts">
        <dt>{t('to')}</dt>
        <dd>{email.to.map((recipient) => (recipient.name ? `${recipient.name} <${recipient.address}>` : recipient.address)).join(', ')}</dd>
        {email.campaignName && (<><dt>{t('campaign')}</dt><dd>{email.campaignName}</dd></>)}
        <dt>{t('status')}</dt>
        <dd data-testid="detail-status">{t(FOLDER_LABELS[email.status])} · {formatDateTime(email.statusAt)}</dd>
        {email.failure && (<><dt>{t('reason')}</dt><dd class="failure">{reasonText(email.failure)}</dd></>)}
        <dt>{t('tracking')}</dt>
        <dd>{email.tracking ? t('trackingOn') : t('trackingOff')}</dd>
      </dl>
      <ActionButtons status={email.status} targets={[{ id: email.id, campaign: email.campaignId !== undefined }]} />
      <Engagement engagement={email.engagement} />
      {/* Text only: a preview is never rendered as HTML. */}
      {email.bodyPreview && <p class="body-preview">{email.bodyPreview}</p>}
      <h3>{t('engagementTimeline')}</h3>
      <EventTimeline events={detail.value.events} />
      <h3>{t('statusHistory')}</h3>
      <ol class="history" data-testid="history">
        {email.statusHistory.map((change, index) => (
          <li key={index}>
            <time>{formatDateTime(change.at)}</time> <strong>{t(FOLDER_LABELS[change.status])}</strong> <span class="muted">{reasonText(change.reason)}</span>
          </li>
        ))}
      </ol>
    </article>
  );
}
