// A figure as an ECharts option: fixed margins in px (the axis sits 28 px above the bottom), so a
// tap lands where the table says the bar is; percent figures run 0–100. Every colour comes from the
// theme's palette (the app's light or dark CSS variables), so a dark page gets a dark chart.
import type { Figure } from '../lib/figures';
import type { ChartOption } from './echarts';
import { CHART_PALETTES, type ChartTheme } from './theme';

export const CHART_GRID = { left: 44, right: 12, top: 40, bottom: 28 } as const;

export function optionOf(f: Figure, theme: ChartTheme = 'light'): ChartOption {
  const percent = f.unit === 'percent';
  const p = CHART_PALETTES[theme];
  return {
    animation: false,
    backgroundColor: 'transparent',
    color: p.series,
    textStyle: { color: p.text },
    grid: CHART_GRID,
    legend: {
      type: 'scroll',
      top: 0,
      left: 0,
      right: 0,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { fontSize: 12, color: p.text },
      inactiveColor: p.grid,
      pageIconColor: p.label,
      pageIconInactiveColor: p.grid,
      pageTextStyle: { color: p.label },
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      backgroundColor: p.surface,
      borderColor: p.grid,
      textStyle: { fontSize: 12, color: p.text },
      axisPointer: { lineStyle: { color: p.pointer }, shadowStyle: { color: p.grid, opacity: 0.4 } },
    },
    xAxis: {
      type: 'category',
      data: f.axis,
      axisLabel: { fontSize: 11, hideOverlap: true, color: p.label },
      axisTick: { alignWithLabel: true, lineStyle: { color: p.axis } },
      axisLine: { lineStyle: { color: p.axis } },
    },
    yAxis: {
      type: 'value',
      ...(f.unit === 'count' ? { minInterval: 1 } : {}),
      ...(percent ? { min: 0, max: 100 } : {}),
      axisLabel: { fontSize: 11, color: p.label, formatter: percent ? '{value}%' : f.unit === 'days' ? '{value}天' : '{value}' },
      splitLine: { lineStyle: { color: p.grid } },
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
