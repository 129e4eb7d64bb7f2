import { t } from '../i18n/t';
import type { ComposeView } from '../sites/compose-view';
import { TOOLBAR_CSS } from './compose-toolbar-styles';
import { TOOLBAR_TAG } from './element-names';

/** What the status line says; `tone` colours it. */
export interface ToolbarStatus {
  text: string;
  tone: 'tracked' | 'untracked' | 'unavailable' | 'busy';
}

export interface CampaignOption {
  id: string;
  name: string;
}

export interface ComposeToolbar {
  /** Whether the rep wants this email tracked (the switch). */
  tracking(): boolean;
  setTracking(on: boolean): void;
  /** The switch cannot be used (tracking unavailable in this compose). */
  setTrackingEnabled(enabled: boolean): void;
  onTrackingChange(listener: (on: boolean) => void): void;
  /** The campaign picked or typed: an existing one by id, a new one by name, or none. */
  campaign(): { id: string } | { name: string } | undefined;
  setCampaigns(options: readonly CampaignOption[]): void;
  onCampaignFocus(listener: () => void): void;
  setStatus(status: ToolbarStatus): void;
  /** A warning about the recipients (recipient-warnings.ts) on a line of its own; '' removes it. */
  setWarning(text: string): void;
  /** How long the last Send took (track-sends.ts), on the host for benchmarks and tests. */
  timing(timing: { totalMs: number; ownMs: number; tracked: boolean }): void;
  /** Where later features (Retarget, Schedule) put their buttons. */
  actions: HTMLElement;
  /** A full-width line under the bar for their panels and notes (retarget-picker.ts). */
  panels: HTMLElement;
  remove(): void;
}

// Events that must not reach the webmail from inside our toolbar: its keyboard shortcuts
// ("c" opens a compose in Gmail) and its compose's own click and key handlers.
const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'paste',
  'copy',
  'cut',
  'click',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
] as const;

/**
 * The Command Center's bar in one compose: the Track switch, the campaign picker, room for
 * more buttons, and one status line. A closed shadow root, so the webmail's styles and scripts
 * cannot reach in; put beside the Send control, or at the compose's end when it is not found.
 */
export function mountComposeToolbar(compose: ComposeView): ComposeToolbar {
  const doc = compose.root.ownerDocument;
  const host = doc.createElement(TOOLBAR_TAG);
  // delegatesFocus: focusing the host (a keyboard user, a test that cannot see inside) reaches the switch.
  const shadow = host.attachShadow({ mode: 'closed', delegatesFocus: true });
  shadow.innerHTML = `<style>${TOOLBAR_CSS}</style><div class="bar" role="group"><button type="button" class="track" aria-pressed="true"><span class="dot" aria-hidden="true"></span><span class="label"></span></button><input class="campaign" list="icc-campaigns" maxlength="120" autocomplete="off" spellcheck="false"><datalist id="icc-campaigns"></datalist><span class="actions"></span><span class="status" role="status" aria-live="polite"></span><span class="warning" role="status" aria-live="polite"></span><div class="panels"></div></div>`;
  const bar = shadow.querySelector<HTMLElement>('.bar')!;
  const track = shadow.querySelector<HTMLButtonElement>('.track')!;
  const campaignInput = shadow.querySelector<HTMLInputElement>('.campaign')!;
  const campaignList = shadow.querySelector<HTMLDataListElement>('datalist')!;
  const status = shadow.querySelector<HTMLElement>('.status')!;
  const warning = shadow.querySelector<HTMLElement>('.warning')!;
  bar.setAttribute('aria-label', t('composeToolbarLabel'));
  shadow.querySelector('.label')!.textContent = t('composeTrackOn');
  campaignInput.placeholder = t('composeCampaignPlaceholder');
  campaignInput.setAttribute('aria-label', t('composeCampaignLabel'));
  campaignInput.title = t('composeCampaignLabel');
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
  // Which part has the keyboard, on the host for tests that cannot see into the closed root.
  shadow.addEventListener('focusin', (event) => {
    host.dataset.focus = event.target instanceof HTMLElement ? event.target.className : '';
  });
  shadow.addEventListener('focusout', () => delete host.dataset.focus);

  let options: readonly CampaignOption[] = [];
  const trackingListeners: ((on: boolean) => void)[] = [];
  track.addEventListener('click', () => {
    const on = track.getAttribute('aria-pressed') !== 'true';
    track.setAttribute('aria-pressed', String(on));
    for (const listener of trackingListeners) listener(on);
  });

  place(compose, host);
  // When it was shown, for the benchmark (toolbar shown ≤ 100 ms after the compose appears).
  host.dataset.mountedAt = String(performance.timeOrigin + performance.now());

  return {
    tracking: () => track.getAttribute('aria-pressed') === 'true' && !track.disabled,
    setTracking: (on) => track.setAttribute('aria-pressed', String(on)),
    setTrackingEnabled: (enabled) => {
      track.disabled = !enabled;
    },
    onTrackingChange: (listener) => trackingListeners.push(listener),
    campaign() {
      const typed = campaignInput.value.trim();
      if (!typed) return undefined;
      const known = options.find((option) => option.name.trim().toLocaleLowerCase() === typed.toLocaleLowerCase());
      return known ? { id: known.id } : { name: typed };
    },
    setCampaigns(next) {
      options = next;
      campaignList.replaceChildren(
        ...next.map((option) => {
          const item = doc.createElement('option');
          item.value = option.name;
          return item;
        }),
      );
    },
    onCampaignFocus: (listener) => campaignInput.addEventListener('focus', listener),
    setStatus({ text, tone }) {
      status.textContent = text;
      status.title = text;
      status.dataset.tone = tone;
    },
    setWarning(text) {
      if (warning.textContent !== text) warning.textContent = text;
      // On the host for tests that cannot see into the closed root; never the addresses themselves.
      host.dataset.warned = String(text !== '');
    },
    timing({ totalMs, ownMs, tracked }) {
      host.dataset.sendMs = totalMs.toFixed(1);
      host.dataset.ownMs = ownMs.toFixed(1);
      host.dataset.tracked = String(tracked);
    },
    actions: shadow.querySelector<HTMLElement>('.actions')!,
    panels: shadow.querySelector<HTMLElement>('.panels')!,
    remove: () => host.remove(),
  };
}

function place(compose: ComposeView, host: HTMLElement): void {
  const slot = compose.toolbarSlot();
  if (!slot) compose.root.append(host);
  else if (slot.where === 'before') slot.anchor.before(host);
  else slot.anchor.after(host);
}
