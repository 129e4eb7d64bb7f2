import { uiLanguage } from './t';

// Dates and numbers in the browser's UI language, with Intl only (the one date library).

const locale = uiLanguage;

export function formatDateTime(epochMs: number): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

/** "25 Nov 2026": a day, when the time of it does not matter. */
export function formatDay(epochMs: number): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(epochMs);
}

/** "10:42" today, "25/11/2026, 10:42" another day: when a row's note happened. */
export function formatTimeOfDay(epochMs: number, now = Date.now()): string {
  const sameDay = new Date(epochMs).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(
    locale(),
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' },
  ).format(epochMs);
}

/** "3 h ago", "in 2 days": for list rows, where the exact time is in the tooltip. */
export function formatRelative(epochMs: number, now = Date.now()): string {
  const seconds = Math.round((epochMs - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto', style: 'short' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'minute');
}

/** The local time zone's name, shown next to time pickers. */
export function timeZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** `yyyy-mm-ddThh:mm` in local time, the value format of <input type="datetime-local">. */
export function toLocalInputValue(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A number as the UI language writes it ("12.3" in English, "12,3" in German). */
export function formatNumber(value: number, inLocale: string = locale()): string {
  return new Intl.NumberFormat(inLocale, { maximumFractionDigits: 1 }).format(value);
}

/** "a, b and c" as the UI language joins a list ("a, b und c", "a、b和c"). */
export function formatList(items: readonly string[], inLocale: string = locale()): string {
  return new Intl.ListFormat(inLocale, { type: 'conjunction' }).format(items);
}
