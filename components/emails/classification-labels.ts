import type { Classification, EngagementEventType } from '../../lib/db/records';
import type { MessageKey } from '../../lib/i18n/t';

export const CLASSIFICATION_LABELS: Record<Classification, MessageKey> = {
  human: 'classHuman',
  proxy: 'classProxy',
  prefetch: 'classPrefetch',
  scanner: 'classScanner',
  self: 'classSelf',
  unknown: 'classUnknown',
};

export const EVENT_LABELS: Record<EngagementEventType, MessageKey> = {
  view: 'eventView',
  click: 'eventClick',
  reply: 'eventReply',
  bounce: 'eventBounce',
  warning: 'eventWarning',
  complaint: 'eventComplaint',
};
