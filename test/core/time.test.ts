import { endOfShanghaiDay, formatShanghai, nextDate, shanghaiDate, weekday } from '../../src/core/time';

const intlDate = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

describe('Asia/Shanghai dates by fixed offset', () => {
  it('should agree with the time-zone database around midnight across many years', () => {
    for (let ms = Date.UTC(1995, 0, 1); ms < Date.UTC(2035, 0, 1); ms += 86_400_000 * 37 + 3_600_000 * 5) {
      for (const edge of [-1, 0, 1]) {
        const t = ms - (ms % 86_400_000) + 16 * 3_600_000 + edge; // 00:00 Shanghai ± 1 ms
        expect(shanghaiDate(t)).toBe(intlDate(t));
      }
    }
  });

  it('should end a Shanghai day at 15:59:59.999 UTC', () => {
    expect(new Date(endOfShanghaiDay('2026-11-24')).toISOString()).toBe('2026-11-24T15:59:59.999Z');
  });

  it('should step across month and leap-year ends, and name weekdays', () => {
    expect(nextDate('2028-02-28')).toBe('2028-02-29');
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
    expect(weekday('2026-11-24')).toBe(2);
    expect(formatShanghai(Date.parse('2026-11-24T16:30:00Z'), 'YYYY-MM-DD HH:mm')).toBe('2026-11-25 00:30');
  });
});
