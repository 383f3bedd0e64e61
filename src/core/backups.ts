// Chat-record backups (§6.1): which days of a group's chat are covered, where the gaps are, when
// the next backup is due, which backups a record-access request reaches (§6.2), and the citation
// that "注明出处" asks for. Pure: dates are YYYY-MM-DD in Asia/Shanghai, `today` is an argument.
import dayjs from 'dayjs';
import type { CalendarOverrides, CitedBackup, ErrorCode, SettingsValues } from '../contract';
import { addWorkingDays } from './calendar';
import { nextDate } from './time';

export interface Period {
  from: string;
  to: string;
}

const prevDate = (date: string) => dayjs.utc(date).subtract(1, 'day').format('YYYY-MM-DD');
const isRealDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && dayjs.utc(d).isValid() && dayjs.utc(d).format('YYYY-MM-DD') === d;

/** A period must name real dates, must not be empty (from ≤ to) and must not reach into the future. */
export function checkPeriod(p: Period, today: string): { code: ErrorCode; message: string } | null {
  if (!isRealDate(p.from) || !isRealDate(p.to)) return { code: 'PERIOD_INVALID', message: '日期不存在，请检查' };
  if (p.from > p.to) return { code: 'PERIOD_INVALID', message: '开始日期不能晚于结束日期' };
  if (p.to > today) return { code: 'PERIOD_INVALID', message: `结束日期不能晚于今天（${today}）` };
  return null;
}

/** Covered stretches, merged where periods overlap or touch, oldest first. */
export function mergePeriods(periods: Period[]): Period[] {
  const sorted = [...periods].sort((a, b) => (a.from === b.from ? a.to.localeCompare(b.to) : a.from.localeCompare(b.from)));
  const out: Period[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p.from <= nextDate(last.to)) {
      if (p.to > last.to) last.to = p.to;
    } else out.push({ ...p });
  }
  return out;
}

/** Uncovered days between `since` (the group's first day) and the end of the latest backup. */
export function coverageGaps(covered: Period[], since: string): Period[] {
  const gaps: Period[] = [];
  let cursor = since;
  for (const c of covered) {
    if (c.from > cursor) gaps.push({ from: cursor, to: prevDate(c.from) });
    if (nextDate(c.to) > cursor) cursor = nextDate(c.to);
  }
  return gaps;
}

export interface Coverage {
  covered: Period[];
  gaps: Period[];
  /** The day a backup reaching further is due. */
  nextDue: string;
  /** Past this day (working days after nextDue) the leader is alerted. */
  overdueAfter: string;
  status: 'ok' | 'due' | 'overdue';
}

/**
 * A group needs a backup `periodMonths` after the last covered day (or after its first day when it
 * has none): due from then, overdue once the configured working days have passed too.
 */
export function coverage(
  periods: Period[],
  since: string,
  today: string,
  backup: SettingsValues['backup'],
  calendar?: CalendarOverrides,
): Coverage {
  const covered = mergePeriods(periods);
  const last = covered[covered.length - 1];
  // Covered through 10-31 monthly: the November backup is due on 12-01.
  const base = last ? nextDate(last.to) : since;
  const nextDue = dayjs.utc(base).add(backup.periodMonths, 'month').format('YYYY-MM-DD');
  const overdueAfter = addWorkingDays(nextDue, backup.overdueWorkingDays, calendar);
  const status = today < nextDue ? 'ok' : today <= overdueAfter ? 'due' : 'overdue';
  // Records older than the group's registration here still count: gaps start at the earliest of both.
  const start = covered.length && covered[0].from < since ? covered[0].from : since;
  return { covered, gaps: coverageGaps(covered, start), nextDue, overdueAfter, status };
}

/** Exactly the backups whose period shares at least one day with the requested range. */
export function overlapping<B extends Period>(backups: B[], range: Period): B[] {
  return backups.filter((b) => b.from <= range.to && b.to >= range.from);
}

/** Ids of other backups of the same group that overlap this one (allowed, and shown). */
export function overlapsOf<B extends Period & { _id: string }>(b: B, all: B[]): string[] {
  return overlapping(all, b)
    .filter((o) => o._id !== b._id)
    .map((o) => o._id);
}

export interface Citable extends Period {
  _id: string;
  storage: 'cloud' | 'local';
  sha256: string | null;
  location: string | null;
}

/** 注明出处: the group, the period, the backup id and its checksum, in one line to paste. */
export function citationOf(b: Citable, groupName: string): string {
  const source = `来源：「${groupName}」群聊记录（${b.from} 至 ${b.to}），备份编号 ${b._id}`;
  if (b.sha256) return `${source}，SHA-256 ${b.sha256}`;
  return `${source}，本地存储于 ${b.location ?? '（未注明）'}，无校验值`;
}

/** A backup as a case cites it: what it says now, to be frozen into the case. */
export function citedBackup(b: Citable, groupName: string): CitedBackup {
  return { backupId: b._id, groupName, from: b.from, to: b.to, storage: b.storage, sha256: b.sha256, location: b.location, citation: citationOf(b, groupName) };
}

/**
 * The citations of the backups a case cites, in the order cited. A backup that can no longer be
 * found still gets a line naming its id, so the case never silently loses a piece of evidence.
 */
export function citationsOf(ids: string[], found: Citable[], groupName: string): { backupId: string; citation: string }[] {
  const byId = new Map(found.map((b) => [b._id, b]));
  return ids.map((id) => {
    const b = byId.get(id);
    return { backupId: id, citation: b ? citationOf(b, groupName) : `备份编号 ${id}（找不到该备份记录）` };
  });
}
