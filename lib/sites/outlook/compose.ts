import type { Recipient } from '../../db/records';
import { setFieldValue, typeIntoEditable } from '../compose-input';
import { type ComposeView, composeHealth, type RecipientField } from '../compose-view';
import { formatRecipient, parseRecipientText } from '../recipient-text';
import {
  BODY_EDITABLE,
  COMMAND_BAR,
  COMPOSE_ROOT,
  FIELD_TOGGLES,
  RECIPIENT_CHIP_TEXT,
  RECIPIENT_WELLS,
  SEND_CONTROL,
  SEND_INNER_BUTTON,
  SUBJECT_INPUT,
  TOGGLE_LABEL_LENGTH,
} from './selectors';

const FIELD_ORDER: readonly RecipientField[] = ['to', 'cc', 'bcc'];

/** The compose root an editor belongs to (outlook/selectors.ts COMPOSE_ROOT). */
export function composeRootOf(editor: HTMLElement): HTMLElement {
  return editor.closest<HTMLElement>(COMPOSE_ROOT) ?? editor.parentElement ?? editor;
}

/**
 * One Outlook compose, found through its editor. OWA documents no draft or conversation id in
 * the compose markup (webmail-dom.md §2, 2026), so `identity()` is empty.
 */
export function createComposeView(editor: HTMLElement, closed: AbortSignal): ComposeView {
  const root = composeRootOf(editor);
  const well = (field: RecipientField) =>
    root.querySelectorAll<HTMLElement>(RECIPIENT_WELLS)[FIELD_ORDER.indexOf(field)] ?? null;
  /** Cc or Bcc shown by its toggle, as a rep would; null when there is no such toggle. */
  const revealWell = (field: 'cc' | 'bcc') => {
    const toggle = [...root.querySelectorAll<HTMLElement>(FIELD_TOGGLES)].find(
      (button) => button.textContent?.trim().length === TOGGLE_LABEL_LENGTH[field],
    );
    toggle?.click();
    return toggle ? well(field) : null;
  };
  const subjectInput = () => [...root.querySelectorAll<HTMLInputElement>(SUBJECT_INPUT)].at(-1) ?? null;
  const sendControl = () => {
    const control = root.querySelector<HTMLElement>(SEND_CONTROL);
    return control?.querySelector<HTMLElement>(SEND_INNER_BUTTON) ?? control;
  };

  return {
    closed,
    root,
    recipients(field) {
      const chips = well(field)?.querySelectorAll(RECIPIENT_CHIP_TEXT) ?? [];
      return [...chips]
        .map((chip) => parseRecipientText(chip.textContent ?? ''))
        .filter((chip): chip is Recipient => chip !== null);
    },
    addRecipients(field, recipients) {
      const target = well(field) ?? (field !== 'to' ? revealWell(field) : null);
      if (!target) return false;
      // Briskine's way (webmail-dom.md §2.3): insert each address, then a comma commits the chip.
      for (const recipient of recipients) {
        typeIntoEditable(target, formatRecipient(recipient));
        typeIntoEditable(target, ',');
      }
      return true;
    },
    subject: () => subjectInput()?.value ?? '',
    setSubject(subject) {
      const input = subjectInput();
      if (input) setFieldValue(input, subject);
    },
    body: () => (editor.isConnected ? editor : root.querySelector<HTMLElement>(BODY_EDITABLE)),
    sendControl,
    toolbarSlot() {
      const control = root.querySelector<HTMLElement>(SEND_CONTROL);
      const bar = control?.closest<HTMLElement>(COMMAND_BAR);
      if (bar && root.contains(bar)) return { anchor: bar, where: 'after' };
      return control ? { anchor: control, where: 'after' } : null;
    },
    // OWA's plain-text choice has no selector we could cite (webmail-dom.md §2.4): HTML assumed.
    plainText: () => false,
    // No citeable Discard selector either: a discarded draft left by Undo stays a Draft row.
    discardControl: () => null,
    identity: () => ({}),
    health: () =>
      composeHealth({
        to: well('to') !== null,
        subject: subjectInput() !== null,
        body: true, // the editor is how this compose was found
        send: sendControl() !== null,
      }),
  };
}
