import type { AddressStanding } from '../people/address-standing';
import { recipientWarningText } from '../people/standing-text';

// The compose toolbar's warning when the rep types an address that bounced hard or complained
// (issue #14): said as soon as the rep pauses, before Send, so they can fix a typo or drop it.

/** Asks the background (the `people.standings` command) about the addresses. */
export type StandingsLookup = (addresses: string[]) => Promise<AddressStanding[]>;

/**
 * Looks the compose's addresses up whenever they change and says the warning. Only the newest
 * answer is shown (a slow one for addresses since changed is dropped); a failed lookup says
 * nothing rather than a wrong all-clear or a false alarm.
 */
export function recipientWarnings(lookup: StandingsLookup, show: (text: string) => void) {
  let asked = '';
  let latest = 0;
  return (addresses: readonly string[]): void => {
    const wanted = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))].sort();
    const key = wanted.join('\n');
    if (key === asked) return;
    asked = key;
    const ask = ++latest;
    if (wanted.length === 0) {
      show('');
      return;
    }
    lookup(wanted.slice(0, 500)).then(
      (standings) => {
        if (ask === latest) show(recipientWarningText(standings));
      },
      (error: unknown) => {
        if (ask === latest) asked = '';
        console.warn('[command-center] recipients not checked', error);
      },
    );
  };
}
