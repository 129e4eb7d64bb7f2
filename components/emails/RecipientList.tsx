import { useState } from 'preact/hooks';
import type { Recipient } from '../../lib/db/records';
import { t, tn } from '../../lib/i18n/t';
import type { AddressStanding } from '../../lib/people/address-standing';
import { recipientWarningText } from '../../lib/people/standing-text';
import { MailText } from '../ui/MailText';

/** Recipients shown before "and N more": a campaign send to 30 people must not fill the screen. */
const FIRST = 3;

/**
 * Every recipient of an open email as "Name <address>", the long tail behind one button. One who
 * bounced hard or complained since carries a mark saying so (the whole story in its tooltip).
 */
export function RecipientList({ to, standings = [] }: { to: Recipient[]; standings?: readonly AddressStanding[] }) {
  const [all, setAll] = useState(false);
  const shown = all || to.length <= FIRST + 1 ? to : to.slice(0, FIRST);
  return (
    <>
      {shown.map((recipient, index) => (
        <span key={index}>
          {index > 0 && ', '}
          <MailText text={recipient.name ? `${recipient.name} <${recipient.address}>` : recipient.address} />
          <StandingMark standing={standings.find((s) => s.address === recipient.address.trim().toLowerCase())} />
        </span>
      ))}
      {shown.length < to.length && (
        <>
          {' '}
          <button type="button" class="link inline-link" onClick={() => setAll(true)} data-testid="more-recipients">
            {tn('moreRecipients', to.length - shown.length)}
          </button>
        </>
      )}
    </>
  );
}

function StandingMark({ standing }: { standing: AddressStanding | undefined }) {
  if (!standing) return null;
  const complained = standing.complained !== undefined;
  return (
    <span
      class={`badge recipient-mark ${complained ? 'badge-complained' : 'badge-bounced'}`}
      title={recipientWarningText([standing])}
      data-testid="recipient-mark"
    >
      {t(complained ? 'recipientMarkComplained' : 'recipientMarkBounced')}
    </span>
  );
}
