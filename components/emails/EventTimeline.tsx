import type { EventRow } from '../../lib/emails/email-row';
import { isMachine } from '../../lib/emails/engagement';
import { formatDateTime } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/t';
import { CLASSIFICATION_LABELS, EVENT_LABELS } from './classification-labels';
import { reasonText } from './reason-text';

/** Every view, click, reply, bounce and complaint, with its classification and why. */
export function EventTimeline({ events }: { events: EventRow[] }) {
  if (events.length === 0) return <p class="muted">{t('noEngagement')}</p>;
  return (
    <ol class="timeline" data-testid="timeline">
      {events.map((event) => (
        <li key={event.id} class={isMachine(event) ? 'machine-event' : ''} data-classification={event.classification}>
          <time>{formatDateTime(event.at)}</time>
          <span class="event-type">{t(EVENT_LABELS[event.type])}</span>
          <span class={`badge badge-${event.classification}`}>{t(CLASSIFICATION_LABELS[event.classification])}</span>
          {event.url && <span class="event-url">{event.url}</span>}
          <span class="event-reason">{reasonText(event.reason)}</span>
        </li>
      ))}
    </ol>
  );
}
