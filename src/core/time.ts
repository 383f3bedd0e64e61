// Business dates are Asia/Shanghai (UTC+8 all year, no daylight saving).
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);
export const TZ = 'Asia/Shanghai';

export function shanghaiDate(ms: number): string {
  return dayjs(ms).tz(TZ).format('YYYY-MM-DD');
}

export function endOfShanghaiDay(date: string): number {
  return dayjs.tz(`${date} 23:59:59.999`, TZ).valueOf();
}

export function nextDate(date: string): string {
  return dayjs.utc(date).add(1, 'day').format('YYYY-MM-DD');
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return dayjs.utc(date).day();
}

export function formatShanghai(ms: number, pattern = 'YYYY-MM-DD HH:mm'): string {
  return dayjs(ms).tz(TZ).format(pattern);
}
