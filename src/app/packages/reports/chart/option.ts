// A figure as an ECharts option: fixed margins in px (the axis sits 28 px above the bottom), so a
// tap lands where the table says the bar is; percent figures run 0–100.
import type { Figure } from '../lib/figures';
import type { ChartOption } from './echarts';

export const CHART_GRID = { left: 44, right: 12, top: 40, bottom: 28 } as const;

export function optionOf(f: Figure): ChartOption {
  const percent = f.unit === 'percent';
  return {
    animation: false,
    color: ['#3370ff', '#07c160', '#de7802', '#d83931', '#7f3bf5', '#14c0ff', '#f5c400', '#8f959e'],
    grid: CHART_GRID,
    legend: { type: 'scroll', top: 0, left: 0, right: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
    tooltip: { trigger: 'axis', confine: true, textStyle: { fontSize: 12 } },
    xAxis: { type: 'category', data: f.axis, axisLabel: { fontSize: 11, hideOverlap: true }, axisTick: { alignWithLabel: true } },
    yAxis: {
      type: 'value',
      ...(f.unit === 'count' ? { minInterval: 1 } : {}),
      ...(percent ? { min: 0, max: 100 } : {}),
      axisLabel: { fontSize: 11, formatter: percent ? '{value}%' : f.unit === 'days' ? '{value}天' : '{value}' },
    },
    series: f.series.map((s) => ({
      name: s.label,
      type: s.type,
      ...(s.stack ? { stack: s.stack } : {}),
      data: s.data,
      barMaxWidth: 36,
      symbolSize: 8,
      ...(s.dashed ? { lineStyle: { type: 'dashed' } } : {}),
    })),
  };
}
