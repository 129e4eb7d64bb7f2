// The rep's clock, not the machine's: "tomorrow 9am" means 9:00 where the rep works, which is
// not the zone the browser, a test runner or a CI machine happens to be in. Only Intl knows
// IANA zones and their daylight-saving rules, so every conversion goes through it.

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** What a wall clock in `timeZone` shows at `at`. */
export function wallClockAt(at: number, timeZone: string): WallClock & { second: number } {
  const parts = formatIn(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** Minutes `timeZone` is ahead of UTC at `at` (Berlin in winter: 60). */
export function offsetMinutesAt(at: number, timeZone: string): number {
  const clock = wallClockAt(at, timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return Math.round((asUtc - (at - (((at % 1000) + 1000) % 1000))) / 60_000);
}

/**
 * The instant a wall clock in `timeZone` shows `clock`. The offset is looked up twice because
 * it can change between the naive guess and the answer (the night of a daylight-saving change);
 * a time skipped by the change lands one hour later or earlier, as clocks show it.
 */
export function instantOfWallClock(clock: WallClock, timeZone: string): number {
  const naive = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
  const first = naive - offsetMinutesAt(naive, timeZone) * 60_000;
  return naive - offsetMinutesAt(first, timeZone) * 60_000;
}

/** "2026-12-01": the calendar day a wall clock in `timeZone` shows at `at`. */
export function dayAt(at: number, timeZone: string): string {
  const { year, month, day } = wallClockAt(at, timeZone);
  return dayKey(year, month, day);
}

export function dayKey(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
