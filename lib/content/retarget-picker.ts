import { t, tn } from '../i18n/t';
import type { RetargetChoice, RetargetRecipients } from '../lists/retarget';
import { skippedText } from '../lists/retarget-text';
import type { ComposeView } from '../sites/compose-view';

// The compose toolbar's Retarget (issue #15, item 4): pick a list, its people become the
// compose's recipients as the webmail's own chips. It opens as a panel inside the toolbar (a
// popup could be cut by the compose's edges), searchable, every part reachable by keyboard.

/** The background's side of Retarget (commands `retarget.lists` and `retarget.recipients`). */
export interface RetargetChannel {
  lists(): Promise<RetargetChoice[]>;
  recipients(id: string): Promise<RetargetRecipients>;
}

type FieldChoice = 'auto' | 'to' | 'bcc';

export function mountRetarget(
  compose: ComposeView,
  actions: HTMLElement,
  panelSlot: HTMLElement,
  channel: RetargetChannel,
): void {
  const doc = actions.ownerDocument;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'retarget';
  button.textContent = t('retargetButton');
  button.title = t('retargetLabel');
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'icc-retarget-panel');
  actions.append(button);

  const panel = doc.createElement('div');
  panel.className = 'retarget-panel';
  panel.id = 'icc-retarget-panel';
  panel.hidden = true;
  const search = doc.createElement('input');
  search.className = 'retarget-search';
  search.type = 'search';
  search.placeholder = t('retargetSearch');
  search.setAttribute('aria-label', t('retargetSearch'));
  search.setAttribute('role', 'combobox');
  search.setAttribute('aria-controls', 'icc-retarget-options');
  search.setAttribute('aria-autocomplete', 'list');
  const field = doc.createElement('select');
  field.className = 'retarget-field';
  field.setAttribute('aria-label', t('retargetFieldLabel'));
  for (const [value, key] of [
    ['auto', 'retargetFieldAuto'],
    ['to', 'retargetFieldTo'],
    ['bcc', 'retargetFieldBcc'],
  ] as const) {
    const option = doc.createElement('option');
    option.value = value;
    option.textContent = t(key);
    field.append(option);
  }
  const options = doc.createElement('ul');
  options.className = 'retarget-options';
  options.id = 'icc-retarget-options';
  options.setAttribute('role', 'listbox');
  options.setAttribute('aria-label', t('retargetLabel'));
  const note = doc.createElement('div');
  note.className = 'retarget-note';
  note.setAttribute('role', 'status');
  panel.append(search, field, options);
  panelSlot.append(panel, note);

  let choices: RetargetChoice[] = [];
  /** The lists on their way from the background: an Enter typed before they came waits for them. */
  let loading: Promise<void> | undefined;
  let shown: RetargetChoice[] = [];
  let active = 0;
  let busy = false;

  const render = () => {
    const wanted = search.value.trim().toLocaleLowerCase();
    shown = choices.filter((choice) => choice.name.toLocaleLowerCase().includes(wanted));
    active = Math.min(active, Math.max(0, shown.length - 1));
    options.replaceChildren(
      ...shown.map((choice, index) => {
        const item = doc.createElement('li');
        item.id = `icc-retarget-${index}`;
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', String(index === active));
        item.dataset.id = choice.id;
        const name = doc.createElement('span');
        name.className = 'name';
        name.textContent = choice.name;
        const counts = doc.createElement('span');
        counts.className = 'counts';
        counts.textContent = `${tn('retargetEmails', choice.count)} · ${tn('retargetAddresses', choice.addresses)}`;
        item.append(name, counts);
        item.addEventListener('click', () => void pick(choice));
        return item;
      }),
    );
    if (shown.length === 0) {
      const empty = doc.createElement('li');
      empty.className = 'empty';
      empty.textContent = choices.length === 0 ? t('retargetEmpty') : t('retargetNoMatch', search.value.trim());
      options.append(empty);
      search.removeAttribute('aria-activedescendant');
    } else search.setAttribute('aria-activedescendant', `icc-retarget-${active}`);
  };

  const close = (focusButton: boolean) => {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    search.setAttribute('aria-expanded', 'false');
    if (focusButton) button.focus();
  };
  const open = async () => {
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    search.setAttribute('aria-expanded', 'true');
    note.textContent = '';
    search.focus();
    loading = channel
      .lists()
      .then((lists) => {
        choices = lists;
      })
      .catch((error: unknown) => {
        choices = [];
        note.textContent = t('retargetFailed', error instanceof Error ? error.message : String(error));
      })
      .finally(() => {
        loading = undefined;
        render();
      });
    await loading;
  };

  const pick = async (choice: RetargetChoice) => {
    if (busy) return;
    busy = true;
    try {
      const result = await channel.recipients(choice.id);
      const wanted = field.value as FieldChoice;
      const target = wanted === 'auto' ? result.field : wanted;
      close(false);
      const left = skippedText(result.skipped);
      if (result.recipients.length === 0) {
        note.textContent = [t('retargetNoneAdded'), left].filter(Boolean).join(' ');
        return;
      }
      const filled = compose.addRecipients(target, result.recipients);
      note.textContent = filled
        ? [
            tn('retargetAdded', result.recipients.length, [
              t(target === 'bcc' ? 'retargetFieldBcc' : 'retargetFieldTo'),
            ]),
            left,
          ]
            .filter(Boolean)
            .join(' ')
        : t('retargetFailed', t('retargetNoField'));
    } catch (error) {
      note.textContent = t('retargetFailed', error instanceof Error ? error.message : String(error));
    } finally {
      busy = false;
    }
  };

  button.addEventListener('click', () => (panel.hidden ? void open() : close(true)));
  search.addEventListener('input', () => {
    active = 0;
    render();
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : -1) + shown.length) % Math.max(1, shown.length);
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const pickActive = () => {
        const choice = shown[active];
        if (choice) void pick(choice);
      };
      // A rep who types a list's name and Enter faster than the lists arrive still gets it.
      if (loading) void loading.then(pickActive);
      else pickActive();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    }
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close(true);
  });
}
