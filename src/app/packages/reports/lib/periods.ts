// The periods the report page offers, as Asia/Shanghai dates (YYYY-MM-DD, inclusive).
import type { ReportBucket } from '../../../../contract';
import { formatDate } from '../../../lib/time';

export type PeriodPreset = 'weeks4' | 'month' | 'months3' | 'lastMonth' | 'custom';
export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  weeks4: '近4周',
  month: '本月',
  months3: '近3个月',
  lastMonth: '上个月',
  custom: '自定义',
};

const DAY = 86400_000;
const pad = (n: number) => String(n).padStart(2, '0');

function ymd(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

/** The dates a preset covers on `now`'s day; weeks start on Monday as the report's buckets do. */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, now = Date.now()): { from: string; to: string } {
  const today = formatDate(now);
  const [y, m] = ymd(today);
  if (preset === 'weeks4') {
    const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
    return { from: formatDate(now - (weekday + 21) * DAY), to: today };
  }
  if (preset === 'month') return { from: `${y}-${pad(m)}-01`, to: today };
  if (preset === 'lastMonth') {
    const py = m === 1 ? y - 1 : y;
    const pm = m === 1 ? 12 : m - 1;
    return { from: `${py}-${pad(pm)}-01`, to: `${py}-${pad(pm)}-${pad(new Date(Date.UTC(py, pm, 0)).getUTCDate())}` };
  }
  const back = m - 2;
  const fy = back < 1 ? y - 1 : y;
  const fm = back < 1 ? back + 12 : back;
  return { from: `${fy}-${pad(fm)}-01`, to: today };
}

/** The bucket a preset reads best in: weeks for a month or less, months beyond. */
export function presetBucket(preset: PeriodPreset): ReportBucket {
  return preset === 'months3' ? 'month' : 'week';
}

/** 2026-11-03 → 11/3; 2026-11 → 11月 (the axis has little room). */
export function axisLabel(bucketStart: string): string {
  const [, m, d] = bucketStart.split('-').map(Number);
  return d ? `${m}/${d}` : `${m}月`;
}
