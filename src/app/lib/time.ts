// Dates as people in China read them. Asia/Shanghai is UTC+8 all year (no daylight saving), so a
// fixed offset is exact and spares the main package a timezone library.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

const pad = (n: number) => String(n).padStart(2, '0');

function parts(ms: number) {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    min: d.getUTCMinutes(),
    wd: d.getUTCDay(),
  };
}

/** 2025-03-07 14:05 */
export function formatDateTime(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.h)}:${pad(p.min)}`;
}

/** 2025-03-07 */
export function formatDate(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** 3月7日（周五）18:00 — a deadline, with the year only when it is not this year. */
export function formatDeadline(ms: number, now = Date.now()): string {
  const p = parts(ms);
  const year = p.y === parts(now).y ? '' : `${p.y}年`;
  return `${year}${p.m}月${p.d}日（周${WEEKDAYS[p.wd]}）${pad(p.h)}:${pad(p.min)}`;
}

export function isOverdue(dueAt: number | null, now = Date.now()): boolean {
  return dueAt !== null && dueAt < now;
}

/** The Shanghai calendar year of an instant. */
export function shanghaiYear(ms: number): number {
  return parts(ms).y;
}

/** YYYY-MM-DD that is a real calendar date. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
