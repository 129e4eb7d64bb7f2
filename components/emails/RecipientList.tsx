import { useState } from 'preact/hooks';
import type { Recipient } from '../../lib/db/records';
import { tn } from '../../lib/i18n/t';
import { MailText } from '../ui/MailText';

/** Recipients shown before "and N more": a campaign send to 30 people must not fill the screen. */
const FIRST = 3;

/** Every recipient of an open email as "Name <address>", the long tail behind one button. */
export function RecipientList({ to }: { to: Recipient[] }) {
  const [all, setAll] = useState(false);
  const shown = all || to.length <= FIRST + 1 ? to : to.slice(0, FIRST);
  return (
    <>
      {shown.map((recipient, index) => (
        <span key={index}>
          {index > 0 && ', '}
          <MailText text={recipient.name ? `${recipient.name} <${recipient.address}>` : recipient.address} />
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
