// Business dates are Asia/Shanghai. China has kept UTC+8 with no daylight saving since 1991, so a
// fixed offset is exact for every date this product handles — and far cheaper than Intl time zones,
// which cost a scheduler walking thousands of deadlines.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
export const TZ = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export function shanghaiDate(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

export function endOfShanghaiDay(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`) + DAY_MS - 1 - OFFSET_MS;
}

export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00.000Z`).getUTCDay();
}

export function formatShanghai(ms: number, pattern = 'YYYY-MM-DD HH:mm'): string {
  return dayjs.utc(ms + OFFSET_MS).format(pattern);
}
