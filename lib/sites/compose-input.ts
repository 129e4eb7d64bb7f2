// Ways to change a webmail field so the webmail notices, shared by both compose views. The
// webmails are React/Closure apps that track values themselves, so a bare `.value =` is lost.

/** Sets an input's value through the prototype setter (React ignores own-property writes), then says so. */
export function setFieldValue(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export function pressKey(target: Element, key: string, init: KeyboardEventInit = {}): void {
  const keyCode = key === 'Enter' ? 13 : key === 'Tab' ? 9 : 0;
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, code: key, keyCode, bubbles: true, cancelable: true, ...init }),
  );
}

/**
 * Inserts text at the end of a contenteditable as typing would. `execCommand('insertText')` is
 * deprecated but still the one way to make the editor's own input handling run (Briskine does
 * the same for Outlook, webmail-dom.md §2.3); where it is missing we insert and announce it.
 */
export function typeIntoEditable(editable: HTMLElement, text: string): void {
  editable.focus();
  const doc = editable.ownerDocument;
  const selection = doc.getSelection();
  if (selection) {
    const range = doc.createRange();
    range.selectNodeContents(editable);
    range.collapse(false);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  const inserted = typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  if (inserted) return;
  editable.append(doc.createTextNode(text));
  editable.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/**
 * Clicks a webmail control the way a mouse would. Gmail's Closure buttons act on mousedown and
 * mouseup rather than click (gmail.js start_compose dispatches both, 2026-03), so all three go.
 * Returns false when no element matches.
 */
export function clickControl(doc: Document, selector: string): boolean {
  const control = doc.querySelector<HTMLElement>(selector);
  if (!control) return false;
  for (const type of ['mousedown', 'mouseup'] as const) {
    control.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, button: 0 }));
  }
  control.click();
  return true;
}
