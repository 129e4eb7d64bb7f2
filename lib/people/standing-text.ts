import type { AddressMark } from '../db/records';
import { BOUNCE_REASONS } from '../i18n/bounce-reason-keys';
import { formatDay, formatList } from '../i18n/format';
import { t, tn } from '../i18n/t';
import type { AddressStanding } from './address-standing';

// What a rep reads about addresses that bounced hard or complained: the compose toolbar's warning
// (lib/content/recipient-warnings.ts) and the tooltip of a marked recipient in an email's detail.

/** "dana@x.com bounced on 25 Nov 2026: user unknown (5.1.1)." and the like; '' when all is well. */
export function recipientWarningText(standings: readonly AddressStanding[]): string {
  const complained = standings.filter((s) => s.complained);
  const bounced = standings.filter((s) => s.bounced && !s.complained);
  const lines: string[] = [];
  const [onlyBounced] = bounced;
  if (bounced.length === 1 && onlyBounced?.bounced) lines.push(bouncedText(onlyBounced.address, onlyBounced.bounced));
  else if (bounced.length > 1)
    lines.push(tn('composeWarnBouncedMany', bounced.length, [formatList(bounced.map((s) => s.address))]));
  const [onlyComplained] = complained;
  if (complained.length === 1 && onlyComplained?.complained)
    lines.push(t('composeWarnComplained', [onlyComplained.address, formatDay(onlyComplained.complained.at)]));
  else if (complained.length > 1)
    lines.push(tn('composeWarnComplainedMany', complained.length, [formatList(complained.map((s) => s.address))]));
  return lines.join(' ');
}

function bouncedText(address: string, mark: AddressMark): string {
  const reason = mark.reasonParams?.reason;
  const key = typeof reason === 'string' && Object.hasOwn(BOUNCE_REASONS, reason) ? BOUNCE_REASONS[reason] : undefined;
  const day = formatDay(mark.at);
  if (!key) return t('composeWarnBouncedNoReason', [address, day]);
  const status = mark.reasonParams?.status;
  const said = typeof status === 'string' && status ? `${t(key)} (${status})` : t(key);
  return t('composeWarnBounced', [address, day, said]);
}
