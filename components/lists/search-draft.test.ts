import { describe, expect, it } from 'vitest';
import { checkQuery, emptyQuery } from '../../lib/search/query';
import { countValue, dayToTime, problemOf, textValue, timeToDay, withDates, withPart } from './search-draft';

describe('the search builder’s edits', () => {
  it('takes a filter out when its control is emptied, so the query matches what the rep sees', () => {
    const withPerson = withPart(emptyQuery(), 'person', textValue('Dana'));
    expect(withPerson.person).toBe('Dana');
    expect('person' in withPart(withPerson, 'person', textValue('   '))).toBe(false);
  });

  it.each([
    ['', undefined],
    ['3', 3],
    ['0', 0],
    ['-1', -1],
    ['1.5', 1.5],
  ])('reads the minimum %j as %j (the check names what is wrong)', (typed, value) => {
    expect(countValue(typed)).toBe(value);
  });

  it('names minViews for a minimum of −1, and the builder points at that control', () => {
    const checked = checkQuery(withPart(emptyQuery(), 'minViews', countValue('-1')));
    expect(checked).toMatchObject({ ok: false, field: 'minViews' });
    if (!checked.ok && checked.problem === 'invalid')
      expect(problemOf(checked.field)).toEqual({ part: 'minViews', message: 'searchProblemCount' });
  });

  it('turns a day range into the whole of both days in the rep’s zone, and back', () => {
    const query = withDates(withDates(withDates(emptyQuery(), { field: 'sent' }), { from: '2026-03-02' }), {
      to: '2026-03-04',
    });
    expect(query.dates).toEqual({
      field: 'sent',
      from: new Date(2026, 2, 2).getTime(),
      to: new Date(2026, 2, 5).getTime() - 1,
    });
    expect(timeToDay(query.dates?.from)).toBe('2026-03-02');
    expect(timeToDay(query.dates?.to)).toBe('2026-03-04');
    expect(checkQuery(query).ok).toBe(true);
    expect('dates' in withDates(query, { field: '' })).toBe(false);
  });

  it('says the end is before the start for a range the wrong way round', () => {
    const query = withDates(emptyQuery(), { field: 'created', from: '2026-03-04', to: '2026-03-02' });
    const checked = checkQuery(query);
    expect(checked).toMatchObject({ ok: false, field: 'dates' });
    expect(problemOf('dates')).toEqual({ part: 'dates', message: 'searchProblemDateOrder' });
    expect(problemOf('dates.from').message).toBe('searchProblemDateRange');
    expect(problemOf('nonsense')).toEqual({ part: undefined, message: 'searchProblemOther' });
  });

  it.each(['', '2026-13', 'tomorrow'])('leaves out a day that is not a date (%j)', (day) => {
    expect(dayToTime(day, 'start')).toBeUndefined();
  });
});
