// Calendar days and wall-clock times in the rep's time zone (an IANA name), with Intl only.
// A task due "tomorrow" is a day in the rep's zone, not 24 hours from now: across a DST change
// the day is 23 or 25 hours long, and the buckets (Today, Tomorrow, Next 7 days) must follow it.

/** A calendar day, `YYYY-MM-DD`. */
export type DayKey = string;

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the browser knows this zone; a stored or typed name may not be one. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at the instant `at`. */
export function wallTimeAt(at: number, timeZone: string): WallTime & { second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far ahead of UTC the zone's clock is at `at`, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const w = wallTimeAt(at, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

/**
 * The instant the zone's clock shows `wall`. A time the clock skips (the hour lost in spring)
 * becomes the same time on the far side of the jump, as calendars do; a time it shows twice
 * (autumn) is the first of the two.
 */
export function instantOf(wall: WallTime, timeZone: string): number {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // The offset before and after the candidate differ only around a change; try both.
  const before = naive - offsetAt(naive - 86_400_000, timeZone);
  const after = naive - offsetAt(naive + 86_400_000, timeZone);
  const candidates = [before, after].sort((a, b) => a - b);
  for (const candidate of candidates) {
    const w = wallTimeAt(candidate, timeZone);
    if (
      w.year === wall.year &&
      w.month === wall.month &&
      w.day === wall.day &&
      w.hour === wall.hour &&
      w.minute === wall.minute
    )
      return candidate;
  }
  // In the gap: read on the offset from before the jump, which lands as far past it.
  return before;
}

export function dayKeyOf(at: number, timeZone: string): DayKey {
  const w = wallTimeAt(at, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

export function parseDayKey(day: DayKey): { year: number; month: number; day: number } | null {
  const match = DAY_KEY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  return { year, month, day: date };
}

/** `day` moved by whole calendar days (no time zone involved). */
export function addDays(day: DayKey, days: number): DayKey {
  const parsed = parseDayKey(day);
  if (!parsed) throw new Error(`not a day: ${day}`);
  return new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as the calendar has it. */
export function weekdayOf(day: DayKey): number {
  const parsed = parseDayKey(day);
  if (!parsed) throw new Error(`not a day: ${day}`);
  return new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day)).getUTCDay();
}

/** The first instant of `day` in the zone. */
export function startOfDay(day: DayKey, timeZone: string): number {
  const parsed = parseDayKey(day);
  if (!parsed) throw new Error(`not a day: ${day}`);
  // Where the clock jumps over midnight (Havana, Santiago), this is the first minute after the jump.
  return instantOf({ ...parsed, hour: 0, minute: 0 }, timeZone);
}

/** The instant of `hour:minute` on `day` in the zone. */
export function atTimeOn(day: DayKey, hour: number, minute: number, timeZone: string): number {
  const parsed = parseDayKey(day);
  if (!parsed) throw new Error(`not a day: ${day}`);
  return instantOf({ ...parsed, hour, minute }, timeZone);
}
