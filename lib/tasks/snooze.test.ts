import { describe, expect, it } from 'vitest';
import { dueLabel } from './due-label';
import { nextMonday, snoozeDue } from './snooze';
import { atTimeOn } from './zoned-time';

const zone = 'Europe/Berlin';
const clock = { now: atTimeOn('2026-12-01', 10, 0, zone), timeZone: zone }; // a Tuesday

describe('snoozing', () => {
  it('tomorrow keeps a task’s time of day; a day task stays a day', () => {
    const timed = { dueAt: atTimeOn('2026-11-20', 9, 30, zone), dueKind: 'dateTime' as const };
    expect(snoozeDue({ kind: 'tomorrow' }, clock, timed)).toEqual({
      kind: 'dateTime',
      at: atTimeOn('2026-12-02', 9, 30, zone),
    });
    expect(snoozeDue({ kind: 'tomorrow' }, clock, { dueAt: 0, dueKind: 'day' })).toEqual({
      kind: 'day',
      day: '2026-12-02',
    });
    expect(snoozeDue({ kind: 'tomorrow' }, clock)).toEqual({ kind: 'day', day: '2026-12-02' });
  });

  it('next Monday is the coming Monday, a week ahead on a Monday', () => {
    expect(nextMonday('2026-12-01')).toBe('2026-12-07');
    expect(nextMonday('2026-12-07')).toBe('2026-12-14');
    expect(nextMonday('2026-12-06')).toBe('2026-12-07');
    expect(snoozeDue({ kind: 'nextMonday' }, clock)).toEqual({ kind: 'day', day: '2026-12-07' });
  });

  it('a picked date with a time is that time in the rep’s zone; without one, a day', () => {
    expect(snoozeDue({ kind: 'pick', day: '2026-12-24', time: '08:15' }, clock)).toEqual({
      kind: 'dateTime',
      at: atTimeOn('2026-12-24', 8, 15, zone),
    });
    expect(snoozeDue({ kind: 'pick', day: '2026-12-24', time: '' }, clock)).toEqual({ kind: 'day', day: '2026-12-24' });
  });
});

describe('due labels', () => {
  it('says today, tomorrow and yesterday in the rep’s language, with the time when there is one', () => {
    const at = (day: string, h: number) => ({ dueAt: atTimeOn(day, h, 0, zone), dueKind: 'dateTime' as const });
    expect(dueLabel(at('2026-12-01', 15), clock, 'en')).toBe('today 3:00 PM');
    expect(dueLabel(at('2026-12-02', 9), clock, 'de')).toBe('morgen 09:00');
    expect(dueLabel({ dueAt: 0, dueKind: 'day', dueDay: '2026-11-30' }, clock, 'en')).toBe('yesterday');
    expect(dueLabel({ dueAt: 0, dueKind: 'day', dueDay: '2026-12-07' }, clock, 'en')).toBe('Mon, Dec 7');
    expect(dueLabel({ dueAt: 0, dueKind: 'day', dueDay: '2027-01-04' }, clock, 'en')).toBe('Mon, Jan 4, 2027');
    expect(dueLabel({ dueAt: 0, dueKind: 'none' }, clock, 'en')).toBeNull();
  });
});
