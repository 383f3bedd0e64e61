import { addWorkingDays, deadlineAfter, isWorkingDay, isDeadlineUnconfirmed, calendarStatus, hasOfficialData } from '../../src/core/calendar';

const none = { holidays: [], workdays: [], confirmedYears: [] };
const shanghai = (s: string) => Date.parse(`${s}+08:00`);

describe('working-day calendar', () => {
  it.each([
    ['2026-02-14', true, 'Saturday 调休 before Spring Festival'],
    ['2026-02-16', false, 'Spring Festival eve holiday (Monday)'],
    ['2026-02-23', false, 'last day of the Spring Festival break (Monday)'],
    ['2026-02-24', true, 'first working day after Spring Festival'],
    ['2026-02-28', true, 'Saturday 调休 after Spring Festival'],
    ['2026-05-01', false, 'Labour Day'],
    ['2026-09-20', true, 'Sunday 调休 before National Day'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'last day of the National Day break'],
    ['2026-10-10', true, 'Saturday 调休 after National Day'],
    ['2026-11-21', false, 'an ordinary Saturday'],
    ['2026-11-24', true, 'an ordinary Tuesday'],
  ])('should say %s working=%s (%s)', (date, expected) => {
    expect(isWorkingDay(date as string)).toBe(expected);
  });

  it('should not count the start date and skip the Spring Festival break', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14'); // 调休 Saturday counts
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-14', 3)).toBe('2026-02-26');
    expect(addWorkingDays('2026-02-14', 0)).toBe('2026-02-14');
  });

  it('should carry a National Day deadline past the break onto the working Saturday', () => {
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
  });

  it('should end a deadline at 23:59:59.999 Shanghai time of the last working day', () => {
    // Notified late on Friday evening Shanghai time (still Friday in Shanghai, Friday in UTC too).
    const due = deadlineAfter(shanghai('2026-11-20T22:30:00'), 2);
    expect(due).toBe(shanghai('2026-11-24T23:59:59.999'));
    // 00:30 Saturday in Shanghai is still Friday in UTC: the business date is Shanghai's.
    expect(deadlineAfter(shanghai('2026-11-21T00:30:00'), 1)).toBe(shanghai('2026-11-23T23:59:59.999'));
  });

  it('should apply the organisation overrides before the official calendar', () => {
    const o = { holidays: ['2026-11-24'], workdays: ['2026-11-22'], confirmedYears: [] };
    expect(isWorkingDay('2026-11-24', o)).toBe(false);
    expect(isWorkingDay('2026-11-22', o)).toBe(true);
    expect(addWorkingDays('2026-11-21', 2, o)).toBe('2026-11-23');
  });

  it('should know that 2027 has no official data and flag deadlines there until confirmed', () => {
    expect(hasOfficialData(2026)).toBe(true);
    expect(hasOfficialData(2027)).toBe(false);
    const due = deadlineAfter(shanghai('2026-12-30T10:00:00'), 3);
    expect(isDeadlineUnconfirmed(due, none)).toBe(true);
    expect(isDeadlineUnconfirmed(due, { ...none, confirmedYears: [2027] })).toBe(false);
    expect(isDeadlineUnconfirmed(deadlineAfter(shanghai('2026-11-24T10:00:00'), 2), none)).toBe(false);
    const status = calendarStatus(shanghai('2026-11-24T10:00:00'), none);
    expect(status.unconfirmedYears).toEqual([2027]);
    expect(status.warning).toContain('2027');
    expect(calendarStatus(shanghai('2026-11-24T10:00:00'), { ...none, confirmedYears: [2027] }).warning).toBeNull();
  });

  it('should refuse malformed dates and negative counts', () => {
    expect(() => isWorkingDay('2026/11/24')).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-24', -1)).toThrow(RangeError);
  });
});
