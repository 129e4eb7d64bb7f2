import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';

// Whether a new email starts tracked, and who is never tracked (internal colleagues, existing
// customers). Set by the rep in the options page; the compose toolbar reads it. Only the
// background writes it (the options page sends `settings.setTrackingPrefs`).

export interface TrackingPrefs {
  trackByDefault: boolean;
  /** Lower-case bare domains (`example.com`: it and its subdomains) or full addresses. */
  neverTrack: string[];
}

export type TrackingChoice =
  | { track: true; reason: 'default' }
  | { track: false; reason: 'offByDefault' }
  | { track: false; reason: 'neverTrack'; match: string; recipient: string };

export const NEVER_TRACK_MAX_ENTRIES = 1000;
// An address's longest legal path (RFC 5321 §4.5.3.1.3, 256 octets with its angle brackets).
const MAX_ENTRY_LENGTH = 254;

// Letters of any script: a rep may type `müller.de` as their webmail shows it. A top-level label
// of digits only is an IP address's last part, never a domain.
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
const DOMAIN = new RegExp(`^(?:${LABEL}\\.)+(?!\\p{N}+$)${LABEL}$`, 'u');
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;

const isDomain = (text: string) => text.length <= 253 && DOMAIN.test(text);

function isAddress(text: string): boolean {
  const at = text.lastIndexOf('@');
  const local = text.slice(0, at);
  return at > 0 && local.length <= 64 && LOCAL_PART.test(local) && isDomain(text.slice(at + 1));
}

/** The form an entry is kept in: trimmed, lower case, `@example.com` as the domain it names. */
const normaliseEntry = (text: string) => text.trim().toLowerCase().replace(/^@/, '');

/** A stored entry: already in its kept form, and a domain or an address. */
const isNeverTrackEntry = (entry: string) =>
  entry.length <= MAX_ENTRY_LENGTH && normaliseEntry(entry) === entry && (isDomain(entry) || isAddress(entry));

export const trackingPrefsSchema = v.object({
  trackByDefault: v.boolean(),
  neverTrack: v.pipe(
    v.array(
      v.pipe(
        v.string(),
        v.maxLength(MAX_ENTRY_LENGTH),
        v.check(isNeverTrackEntry, 'Each entry is a lower-case domain or email address.'),
      ),
    ),
    v.maxLength(NEVER_TRACK_MAX_ENTRIES),
  ),
});

/**
 * Reads the list as the rep typed it: one entry a line, or separated by commas, semicolons or
 * spaces. Kept in order, once each; whatever is neither a domain nor an address is returned as
 * typed in `invalid`, for the page to name, never dropped.
 */
export function parseNeverTrack(text: string): { entries: string[]; invalid: string[] } {
  const entries = new Set<string>();
  const invalid = new Set<string>();
  for (const typed of text.split(/[\s,;]+/)) {
    if (!typed) continue;
    const entry = normaliseEntry(typed);
    if (isNeverTrackEntry(entry)) entries.add(entry);
    else invalid.add(typed);
  }
  return { entries: [...entries], invalid: [...invalid] };
}

/** The address in `Dana <dana@example.com>` or a bare address, lower case. */
const addressOf = (recipient: string) => (/<([^<>]*)>\s*$/.exec(recipient)?.[1] ?? recipient).trim().toLowerCase();

function neverTrackEntryFor(address: string, neverTrack: readonly string[]): string | undefined {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (!address.includes('@') || !domain) return undefined;
  return neverTrack.find((entry) =>
    entry.includes('@') ? entry === address : domain === entry || domain.endsWith(`.${entry}`),
  );
}

/**
 * Whether a new email to `recipients` starts tracked. A recipient on the never-track list wins
 * over the default either way: the toolbar names them, since turning tracking on would still
 * track someone the rep said never to.
 */
export function defaultTracking(recipients: readonly string[], prefs: TrackingPrefs): TrackingChoice {
  for (const recipient of recipients) {
    const match = neverTrackEntryFor(addressOf(recipient), prefs.neverTrack);
    if (match) return { track: false, reason: 'neverTrack', match, recipient: recipient.trim() };
  }
  return prefs.trackByDefault ? { track: true, reason: 'default' } : { track: false, reason: 'offByDefault' };
}

const item = storage.defineItem<TrackingPrefs | null>('local:composeTracking', { fallback: null });

const fallbackPrefs = (): TrackingPrefs => ({ trackByDefault: true, neverTrack: [] });

function validPrefs(stored: unknown): TrackingPrefs {
  if (stored === null || stored === undefined) return fallbackPrefs();
  const parsed = v.safeParse(trackingPrefsSchema, stored);
  if (parsed.success) return parsed.output;
  // Written by another version, or by hand: tracking as if nothing were set beats not starting.
  console.warn('[command-center] stored compose tracking settings are invalid; using the defaults', parsed.issues);
  return fallbackPrefs();
}

export async function loadTrackingPrefs(): Promise<TrackingPrefs> {
  return validPrefs(await item.getValue());
}

/** Calls `onChange` with the new settings whenever they change, in any context; returns the unwatch. */
export function watchTrackingPrefs(onChange: (prefs: TrackingPrefs) => void): () => void {
  return item.watch((stored) => onChange(validPrefs(stored)));
}

/** Stores the settings (the background does, when the options page asks); throws if they are invalid. */
export async function saveTrackingPrefs(prefs: TrackingPrefs): Promise<void> {
  await item.setValue(v.parse(trackingPrefsSchema, prefs));
}
