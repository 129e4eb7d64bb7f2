import type { Recipient } from '../../db/records';
import { pressKey, setFieldValue } from '../compose-input';
import { type ComposeView, composeHealth, type RecipientField } from '../compose-view';
import { formatRecipient, parseRecipientText } from '../recipient-text';
import {
  BODY_EDITABLE,
  CHIP_ADDRESS_ATTR,
  CHIP_NAME_ATTR,
  DISCARD_DRAFT,
  DRAFT_ID_INPUT,
  OLD_CHIP_ADDRESS,
  OLD_CHIP_ADDRESS_ATTR,
  OLD_CHIP_VALUE,
  OLD_RECIPIENT_CHIP,
  OLD_RECIPIENT_ROW,
  PLAIN_TEXT_MODE_ON,
  RECIPIENT_CHIPS,
  RECIPIENT_INPUTS,
  SEND_BUTTON,
  SEND_ROW,
  SHOW_RECIPIENT_ROW,
  SUBJECT_INPUT,
  THREAD_ID_INPUT,
} from './selectors';

/** One Gmail compose, read through its `div.M9` root (gmail/selectors.ts COMPOSE_ROOT). */
export function createComposeView(root: HTMLElement, closed: AbortSignal): ComposeView {
  const find = <T extends Element>(selector: string) => root.querySelector<T>(selector);
  const recipientInput = (field: RecipientField) =>
    find<HTMLInputElement | HTMLTextAreaElement>(RECIPIENT_INPUTS[field]);
  const subjectInput = () => find<HTMLInputElement>(SUBJECT_INPUT);
  const hiddenValue = (selector: string) => find<HTMLInputElement>(selector)?.value || undefined;

  return {
    closed,
    root,
    recipients(field) {
      const chips = [...root.querySelectorAll(RECIPIENT_CHIPS[field])].map(readChip);
      if (chips.length > 0) return chips.filter((chip): chip is Recipient => chip !== null);
      // Pre-2021 UI: the chips sit in the table row of the field's textarea.
      const oldInput = recipientInput(field);
      const row = oldInput?.tagName === 'TEXTAREA' ? oldInput.closest(OLD_RECIPIENT_ROW) : null;
      if (!row) return [];
      return [...row.querySelectorAll(OLD_RECIPIENT_CHIP)]
        .map(readOldChip)
        .filter((chip): chip is Recipient => chip !== null);
    },
    addRecipients(field, recipients) {
      if (field !== 'to') revealRow(root, field);
      const input = recipientInput(field);
      if (!input) return false;
      if (recipients.length === 0) return true;
      // gmail.js (src/gmail.js:3990-4003): set the value, then a Tab keydown makes Gmail chip it;
      // the pre-2021 textarea wants Enter instead (ISDK set-recipients.ts:179).
      input.focus();
      setFieldValue(input, recipients.map(formatRecipient).join(', '));
      if (input.tagName === 'TEXTAREA') pressKey(input, 'Enter');
      else pressKey(input, 'Tab', { shiftKey: true });
      return true;
    },
    subject: () => subjectInput()?.value ?? '',
    setSubject(subject) {
      const input = subjectInput();
      if (input) setFieldValue(input, subject);
    },
    body: () => find<HTMLElement>(BODY_EDITABLE),
    sendControl: () => find<HTMLElement>(SEND_BUTTON),
    toolbarSlot() {
      const row = find<HTMLElement>(SEND_ROW);
      return row?.contains(find(SEND_BUTTON)) ? { anchor: row, where: 'before' } : null;
    },
    // The mode is Gmail's page-wide choice, so its menu item may sit outside this compose.
    plainText: () => root.ownerDocument.querySelector(PLAIN_TEXT_MODE_ON) !== null,
    discardControl: () => find<HTMLElement>(DISCARD_DRAFT),
    identity() {
      const draftId = hiddenValue(DRAFT_ID_INPUT);
      const threadId = hiddenValue(THREAD_ID_INPUT);
      return { ...(draftId ? { draftId } : {}), ...(threadId ? { threadId } : {}) };
    },
    health: () =>
      composeHealth({
        to: recipientInput('to') !== null,
        subject: subjectInput() !== null,
        body: find(BODY_EDITABLE) !== null,
        send: find(SEND_BUTTON) !== null,
      }),
  };
}

function readChip(chip: Element): Recipient | null {
  const address = chip.getAttribute(CHIP_ADDRESS_ATTR)?.trim();
  if (!address) return null;
  const name = chip.getAttribute(CHIP_NAME_ATTR)?.trim();
  return name && name !== address ? { address, name } : { address };
}

function readOldChip(chip: Element): Recipient | null {
  const address = chip.querySelector(OLD_CHIP_ADDRESS)?.getAttribute(OLD_CHIP_ADDRESS_ATTR)?.trim();
  const parsed = parseRecipientText(chip.querySelector<HTMLInputElement>(OLD_CHIP_VALUE)?.value ?? '');
  if (address) return parsed?.name ? { address, name: parsed.name } : { address };
  return parsed?.address ? parsed : null;
}

/** Cc and Bcc rows stay hidden until their link is clicked; the link disappears once it is. */
function revealRow(root: HTMLElement, field: 'cc' | 'bcc'): void {
  const input = root.querySelector<HTMLElement>(RECIPIENT_INPUTS[field]);
  if (input?.checkVisibility?.() !== false) return;
  root.querySelector<HTMLElement>(SHOW_RECIPIENT_ROW[field])?.click();
}
