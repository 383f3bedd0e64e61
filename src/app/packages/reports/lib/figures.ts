// reports.overview's answer as the page shows it: one figure per chart, each with what the chart
// draws and what its table lists. Every number keeps the drill ref the server gave it.
import type {
  ReportBucketView,
  ReportCell,
  ReportDrillRef,
  ReportDurationCell,
  ReportGroupSeries,
  ReportOverview,
  ReportSeries,
  ReportShareCell,
} from '../../../../contract';
import { formatDate } from '../../../lib/time';
import { axisLabel } from './periods';

export interface ChartSeries {
  label: string;
  type: 'bar' | 'line';
  /** Bars of one figure stack, so each bucket shows its total. */
  stack?: string;
  dashed?: boolean;
  data: (number | null)[];
  drill: (ReportDrillRef | null)[];
}

export interface TableCell {
  text: string;
  drill: ReportDrillRef | null;
}

export interface Figure {
  id: string;
  title: string;
  /** What the numbers mean, in one sentence. */
  hint: string;
  /** Said instead of a chart when the period has nothing to show. */
  emptyText: string;
  /** The y axis: counts, days or percent. */
  unit: 'count' | 'days' | 'percent';
  axis: string[];
  series: ChartSeries[];
  /** Table rows are the buckets (plus a 当前 row where the figure has one); columns are these. */
  columns: { label: string; cells: (TableCell | null)[] }[];
  rows: string[];
  empty: boolean;
}

const DAY_MS = 86400_000;
const days = (ms: number | null) => (ms === null ? null : Math.round((ms / DAY_MS) * 10) / 10);
const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

function countFigure(id: string, title: string, hint: string, emptyText: string, buckets: ReportBucketView[], series: ReportSeries[]): Figure {
  return {
    id,
    title,
    hint,
    emptyText,
    unit: 'count',
    axis: buckets.map((b) => axisLabel(b.start)),
    rows: buckets.map((b) => b.label),
    series: series.map((s) => ({ label: s.label, type: 'bar', stack: id, data: s.cells.map((c) => c.value), drill: s.cells.map((c) => c.drill) })),
    columns: series.map((s) => ({ label: s.label, cells: s.cells.map((c) => ({ text: String(c.value), drill: c.drill })) })),
    empty: !series.some((s) => s.cells.some((c) => c.value > 0)),
  };
}

function durationFigure(buckets: ReportBucketView[], series: ReportSeries<ReportDurationCell>[]): Figure {
  const line = (s: ReportSeries<ReportDurationCell>, which: 'medianMs' | 'p90Ms'): ChartSeries => ({
    label: `${s.label}${which === 'p90Ms' ? ' P90' : ' 中位数'}`,
    type: 'line',
    dashed: which === 'p90Ms',
    data: s.cells.map((c) => days(c[which])),
    drill: s.cells.map((c) => (c.value > 0 ? c.drill : null)),
  });
  return {
    id: 'decided',
    title: '办理时长',
    hint: '从提出到作出决定的天数（自然日）：中位数为实线，90% 分位（P90）为虚线；撤回或取消的不计。',
    emptyText: '这段时间没有作出决定的事项，所以没有办理时长可算。',
    unit: 'days',
    axis: buckets.map((b) => axisLabel(b.start)),
    rows: buckets.map((b) => b.label),
    series: series.flatMap((s) => [line(s, 'medianMs'), line(s, 'p90Ms')]),
    columns: series.map((s) => ({
      label: s.label,
      cells: s.cells.map((c) => ({
        text: c.value > 0 ? `${c.value} 件：中位 ${days(c.medianMs)} 天，P90 ${days(c.p90Ms)} 天` : '0 件',
        drill: c.drill,
      })),
    })),
    empty: !series.some((s) => s.cells.some((c) => c.value > 0)),
  };
}

const shareText = (c: ReportShareCell, what: string) => (c.total === 0 ? `无${what}` : `${c.value}/${c.total}（${pct(c.share)}%）`);

/** Per-group share figures: the line is the share in percent; the table names the counts behind it. */
function shareFigure(
  base: Omit<Figure, 'series' | 'columns' | 'axis' | 'rows' | 'empty' | 'unit'>,
  buckets: ReportBucketView[],
  groups: ReportGroupSeries<ReportShareCell | null>[],
  plot: (c: ReportShareCell) => number | null,
  text: (c: ReportShareCell) => string,
  now?: (g: ReportGroupSeries<ReportShareCell | null>) => ReportShareCell,
  today?: string,
): Figure {
  // A bucket still running has no cell of its own: the chart draws today's figure there.
  const cellsOf = (g: ReportGroupSeries<ReportShareCell | null>) =>
    g.cells.map((c, i) => c ?? (now && today && buckets[i].from <= today && today <= buckets[i].to ? now(g) : null));
  return {
    ...base,
    unit: 'percent',
    axis: buckets.map((b) => axisLabel(b.start)),
    rows: [...buckets.map((b) => b.label), ...(now ? ['当前'] : [])],
    series: groups.map((g) => ({ label: g.name, type: 'line', data: cellsOf(g).map((c) => (c ? plot(c) : null)), drill: cellsOf(g).map((c) => c?.drill ?? null) })),
    columns: groups.map((g) => ({
      label: g.name,
      cells: [...g.cells.map((c) => (c ? { text: text(c), drill: c.drill } : null)), ...(now ? [{ text: text(now(g)), drill: now(g).drill }] : [])],
    })),
    empty: !groups.some((g) => g.cells.some((c) => c && c.total > 0) || (now && now(g).total > 0)),
  };
}

export function figuresOf(o: ReportOverview): Figure[] {
  const b = o.buckets;
  const appeals = countFigure(
    'appeals',
    '申诉（按结果）',
    '每期提出的申诉，按结果：维持、减轻、撤销、尚未裁决；折线为其中报至上级领导的。',
    '这段时间没有人提出申诉。',
    b,
    o.appeals.byOutcome,
  );
  if (o.appeals.reachedLeader.some((c) => c.value > 0) || !appeals.empty) {
    appeals.series.push({ label: '报至上级领导', type: 'line', data: o.appeals.reachedLeader.map((c) => c.value), drill: o.appeals.reachedLeader.map((c: ReportCell) => c.drill) });
    appeals.columns.push({ label: '报至上级领导', cells: o.appeals.reachedLeader.map((c) => ({ text: String(c.value), drill: c.drill })) });
    appeals.empty = appeals.empty && !o.appeals.reachedLeader.some((c) => c.value > 0);
  }
  return [
    countFigure('opened', '新开事项', '每期新开的事项，按事项种类。', '这段时间没有新开的事项。', b, o.cases.opened),
    countFigure('closed', '办结事项', '每期办结（通过、驳回、撤回等）的事项，按事项种类。', '这段时间没有办结的事项。', b, o.cases.closed),
    countFigure('overdue', '超期未办', '期限落在该期、至今仍未办理的步骤，按事项种类。', '没有超期未办的步骤：每一步都在期限内办理了。', b, o.cases.overdue),
    durationFigure(b, o.cases.decided),
    countFigure('violations', '违规（按类别）', '每期立案的违规，按违规类别。', '这段时间没有违规立案。', b, o.violations.byCategory),
    countFigure('measures', '违规（按处理措施）', '每期立案的违规，按处理措施：警告、移出群聊、纪律处分。', '这段时间没有违规立案。', b, o.violations.byMeasure),
    appeals,
    shareFigure(
      { id: 'naming', title: '群昵称合规率', hint: '各群成员中群昵称符合规范（§2.2）的比例；表格为合规人数/成员数，点开可见不合规的成员。', emptyText: '这段时间还没有群昵称记录可统计（每日记录一次）。' },
      b,
      o.naming,
      (c) => pct(c.share),
      (c) => (c.total === 0 ? '无成员' : `合规 ${c.value}/${c.total}（${pct(c.share)}%）`),
      (g) => (g as (typeof o.naming)[number]).now,
      formatDate(o.asOf),
    ),
    shareFigure(
      { id: 'backups', title: '聊天记录备份覆盖', hint: '各群每期有备份覆盖的天数占比（§6.1）；表格为覆盖天数/天数，点开可见每天的备份。', emptyText: '这段时间没有需要备份的天数。' },
      b,
      o.backups,
      (c) => pct(c.share),
      (c) => (c.total === 0 ? '无' : `${c.value}/${c.total} 天`),
    ),
    shareFigure(
      { id: 'acks', title: '通知按时确认率', hint: '确认期限落在该期的通知，各群成员按时确认的比例；表格为按时确认/应确认，点开可见通知。', emptyText: '这段时间没有到期的通知。' },
      b,
      o.acks,
      (c) => pct(c.share),
      (c) => shareText(c, '到期通知'),
    ),
  ];
}
