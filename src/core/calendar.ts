// China's working-day calendar: official holidays and 调休 from chinese-days, plus the
// organisation's overrides. Dates are YYYY-MM-DD in Asia/Shanghai.
import type * as ChineseDays from 'chinese-days';
import type { CalendarOverrides } from '../contract';
import { shanghaiDate, endOfShanghaiDay, nextDate, weekday } from './time';

// Loaded on first use: its holiday tables were a good part of a cold function's start, and many
// calls (the inbox, a case page) never compute a deadline.
let chineseDays: typeof ChineseDays | undefined;
const officialIsWorkday = (date: string): boolean => (chineseDays ??= require('chinese-days') as typeof ChineseDays).isWorkday(date);

export type { CalendarOverrides };

const EMPTY: CalendarOverrides = { holidays: [], workdays: [], confirmedYears: [] };
const MAX_SPAN_DAYS = 3660;

// The official calendar never changes for a date: remember each answer.
const official = new Map<string, boolean>();
function officialWorkday(date: string): boolean {
  let v = official.get(date);
  if (v === undefined) official.set(date, (v = officialIsWorkday(date)));
  return v;
}

export function isWorkingDay(date: string, overrides: CalendarOverrides = EMPTY): boolean {
  assertDate(date);
  if (overrides.workdays.includes(date)) return true;
  if (overrides.holidays.includes(date)) return false;
  return officialWorkday(date);
}

/** The date `n` working days after `date`; the start date itself is not counted. */
export function addWorkingDays(date: string, n: number, overrides: CalendarOverrides = EMPTY): string {
  assertDate(date);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let d = date;
  for (let left = n, steps = 0; left > 0; ) {
    d = nextDate(d);
    if (++steps > MAX_SPAN_DAYS) throw new RangeError('no working day found within ten years');
    if (isWorkingDay(d, overrides)) left--;
  }
  return d;
}

/** UTC ms of 23:59:59.999 Asia/Shanghai on the last of `workingDays` working days after the notice. */
export function deadlineAfter(
  notifiedAtMs: number,
  workingDays: number,
  overrides: CalendarOverrides = EMPTY,
): number {
  return endOfShanghaiDay(addWorkingDays(shanghaiDate(notifiedAtMs), workingDays, overrides));
}

const officialCache = new Map<number, boolean>();
/**
 * Whether the holiday library carries China's official schedule for a year. For a year it does not
 * know it silently answers "weekends only", so look for a weekday off (every real year has some).
 */
export function hasOfficialData(year: number): boolean {
  let known = officialCache.get(year);
  if (known === undefined) {
    known = false;
    for (let d = `${year}-01-01`; d.startsWith(String(year)); d = nextDate(d)) {
      const wd = weekday(d);
      if (wd !== 0 && wd !== 6 && !officialWorkday(d)) {
        known = true;
        break;
      }
    }
    officialCache.set(year, known);
  }
  return known;
}

export function isYearConfirmed(year: number, overrides: CalendarOverrides = EMPTY): boolean {
  return hasOfficialData(year) || overrides.confirmedYears.includes(year);
}

/** A deadline in a year nobody has confirmed may miss holidays: say so next to it. */
export function isDeadlineUnconfirmed(dueAtMs: number, overrides: CalendarOverrides = EMPTY): boolean {
  return !isYearConfirmed(Number(shanghaiDate(dueAtMs).slice(0, 4)), overrides);
}

/** A step's deadline as a case stores it: shown to people, flagged when unconfirmed, and timed. */
export function deadlineFields(dueAt: number, overrides: CalendarOverrides = EMPTY) {
  return { dueAt, dueAtUnconfirmed: isDeadlineUnconfirmed(dueAt, overrides), wakeAt: dueAt };
}

export function calendarStatus(nowMs: number, overrides: CalendarOverrides = EMPTY) {
  const thisYear = Number(shanghaiDate(nowMs).slice(0, 4));
  const officialYears: number[] = [];
  for (let y = thisYear - 1; y <= thisYear + 1; y++) if (hasOfficialData(y)) officialYears.push(y);
  const unconfirmedYears = [thisYear, thisYear + 1].filter((y) => !isYearConfirmed(y, overrides));
  const warning = unconfirmedYears.length
    ? `节假日数据缺少 ${unconfirmedYears.join('、')} 年的国务院放假安排：这些年份的截止日期只按周末计算。` +
      '请在“节假日调整”中录入当年的放假日和调休上班日，并确认该年份。'
    : null;
  return { officialYears, unconfirmedYears, warning };
}

function assertDate(date: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
}
