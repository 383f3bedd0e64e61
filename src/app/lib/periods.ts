// Date ranges as forms propose them, in Asia/Shanghai (UTC+8, no daylight saving).
import { formatDate } from './time';

const pad = (n: number) => String(n).padStart(2, '0');

export function todayDate(now = Date.now()): string {
  return formatDate(now);
}

/** Last calendar month: what a monthly backup or a typical request covers. */
export function lastMonth(now = Date.now()): { from: string; to: string } {
  const [y, m] = formatDate(now).split('-').map(Number);
  const py = m === 1 ? y - 1 : y;
  const pm = m === 1 ? 12 : m - 1;
  const days = new Date(Date.UTC(py, pm, 0)).getUTCDate();
  return { from: `${py}-${pad(pm)}-01`, to: `${py}-${pad(pm)}-${pad(days)}` };
}

/** 2.4 MB, 830 KB, 12 B */
export function formatSize(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
