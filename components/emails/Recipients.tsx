import type { Recipient } from '../../lib/db/records';
import { withoutBidiControls } from '../ui/bidi';
import { MailText } from '../ui/MailText';

/** "Dana Whitfield, +2 more" with every address in the tooltip. Text only: never HTML from mail. */
export function Recipients({ to }: { to: Recipient[] }) {
  const first = to[0];
  const label = first ? first.name || first.address : '—';
  return (
    <span class="recipients" title={withoutBidiControls(to.map((recipient) => recipient.address).join(', '))}>
      <MailText text={label} />
      {to.length > 1 && <span class="more"> +{to.length - 1}</span>}
    </span>
  );
}
