import { describe, expect, it } from 'vitest';
import { addDays, atTimeOn, dayKeyOf, instantOf, isTimeZone, parseDayKey, startOfDay, weekdayOf } from './zoned-time';

const iso = (at: number) => new Date(at).toISOString();

describe('days and times in the rep’s time zone', () => {
  it('names the calendar day of an instant in each zone', () => {
    const at = Date.parse('2026-12-01T23:30:00Z');
    expect(dayKeyOf(at, 'UTC')).toBe('2026-12-01');
    expect(dayKeyOf(at, 'Europe/Berlin')).toBe('2026-12-02');
    expect(dayKeyOf(at, 'America/Los_Angeles')).toBe('2026-12-01');
    expect(dayKeyOf(at, 'Asia/Shanghai')).toBe('2026-12-02');
  });

  it('finds 9:00 on a day in the zone', () => {
    expect(iso(atTimeOn('2026-12-02', 9, 0, 'Europe/Berlin'))).toBe('2026-12-02T08:00:00.000Z');
    expect(iso(atTimeOn('2026-12-02', 9, 0, 'America/Los_Angeles'))).toBe('2026-12-02T17:00:00.000Z');
    expect(iso(atTimeOn('2026-12-02', 9, 0, 'Asia/Shanghai'))).toBe('2026-12-02T01:00:00.000Z');
  });

  it('spring forward: the day is 23 hours long, and a time in the lost hour lands after the jump', () => {
    // Europe/Berlin skips 02:00–03:00 on 2026-03-29.
    const start = startOfDay('2026-03-29', 'Europe/Berlin');
    const next = startOfDay('2026-03-30', 'Europe/Berlin');
    expect(iso(start)).toBe('2026-03-28T23:00:00.000Z');
    expect((next - start) / 3_600_000).toBe(23);
    expect(iso(atTimeOn('2026-03-29', 9, 0, 'Europe/Berlin'))).toBe('2026-03-29T07:00:00.000Z');
    expect(iso(atTimeOn('2026-03-29', 2, 30, 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    // Los Angeles on 2026-03-08.
    const la = startOfDay('2026-03-08', 'America/Los_Angeles');
    expect((startOfDay('2026-03-09', 'America/Los_Angeles') - la) / 3_600_000).toBe(23);
  });

  it('fall back: the day is 25 hours long, and a time shown twice is the first of the two', () => {
    // Europe/Berlin shows 02:00–03:00 twice on 2026-10-25.
    const start = startOfDay('2026-10-25', 'Europe/Berlin');
    expect((startOfDay('2026-10-26', 'Europe/Berlin') - start) / 3_600_000).toBe(25);
    expect(iso(atTimeOn('2026-10-25', 2, 30, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(atTimeOn('2026-10-25', 9, 0, 'Europe/Berlin'))).toBe('2026-10-25T08:00:00.000Z');
    const la = startOfDay('2026-11-01', 'America/Los_Angeles');
    expect((startOfDay('2026-11-02', 'America/Los_Angeles') - la) / 3_600_000).toBe(25);
  });

  it('a zone whose clock jumps over midnight starts the day at the first minute after the jump', () => {
    // Havana goes from 00:00 straight to 01:00 on 2026-03-08.
    const start = startOfDay('2026-03-08', 'America/Havana');
    expect(dayKeyOf(start, 'America/Havana')).toBe('2026-03-08');
    expect(dayKeyOf(start - 60_000, 'America/Havana')).toBe('2026-03-07');
  });

  it('instantOf and dayKeyOf agree on every hour of a year in several zones', () => {
    for (const zone of ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Shanghai', 'Australia/Sydney']) {
      for (let at = Date.parse('2026-01-01T00:00:00Z'); at < Date.parse('2027-01-01T00:00:00Z'); at += 3_600_000 * 7) {
        const day = dayKeyOf(at, zone);
        const start = startOfDay(day, zone);
        expect(start).toBeLessThanOrEqual(at);
        expect(dayKeyOf(start, zone)).toBe(day);
        expect(dayKeyOf(start - 1, zone)).toBe(addDays(day, -1));
      }
    }
  });

  it('calendar arithmetic, weekdays, and what is not a day or a zone', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(weekdayOf('2026-12-01')).toBe(2);
    expect(parseDayKey('2026-02-30')).toBeNull();
    expect(parseDayKey('tomorrow')).toBeNull();
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(iso(instantOf({ year: 2026, month: 12, day: 1, hour: 10, minute: 0 }, 'UTC'))).toBe(
      '2026-12-01T10:00:00.000Z',
    );
  });
});
