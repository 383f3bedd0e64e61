// One figure: its chart or, at a tap on 表格, the same numbers as a table. Every bar, point and cell
// opens the list of what is behind it; an empty period says so instead of drawing an empty chart.
import { ScrollView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import type { ReportDrillRef } from '../../../../contract';
import { Chart } from '../chart/Chart';
import { optionOf } from '../chart/option';
import { useChartTheme } from '../chart/theme';
import type { Figure } from '../lib/figures';
import { reportRoutes } from '../lib/routes';

interface Props {
  figure: Figure;
  /** Names the groups the figures cover, for the drill page's title. */
  scope: string;
}

export function FigureCard({ figure, scope }: Props) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  // The phone switching light/dark makes a new option, which the Chart redraws.
  const theme = useChartTheme();
  const option = useMemo(() => optionOf(figure, theme), [figure, theme]);

  function open(drill: ReportDrillRef | null, series: string, row: string) {
    if (!drill) return;
    void Taro.navigateTo({ url: reportRoutes.drill(drill, `${figure.title} · ${series} · ${row} · ${scope}`) });
  }

  return (
    <View className="qw-card qw-figure" data-figure={figure.id}>
      <View className="qw-figure__head">
        <Text className="qw-figure__title">{figure.title}</Text>
        {figure.empty ? null : (
          <View className="qw-figure__switch">
            <Text className={`qw-figure__tab${view === 'chart' ? ' qw-figure__tab--on' : ''}`} onClick={() => setView('chart')}>
              图表
            </Text>
            <Text className={`qw-figure__tab${view === 'table' ? ' qw-figure__tab--on' : ''}`} onClick={() => setView('table')}>
              表格
            </Text>
          </View>
        )}
      </View>
      <View className="qw-figure__hint">{figure.hint}</View>
      {figure.empty ? (
        <View className="qw-figure__empty">
          <View className="qw-figure__empty-title">暂无数据</View>
          <View className="qw-figure__empty-desc">{figure.emptyText}</View>
        </View>
      ) : view === 'chart' ? (
        <>
          <Chart
            id={`qw-chart-${figure.id}`}
            option={option}
            onTap={({ seriesIndex, dataIndex }) => {
              const s = figure.series[seriesIndex];
              if (s) open(s.drill[dataIndex] ?? null, s.label, figure.rows[dataIndex] ?? '');
            }}
          />
          <View className="qw-figure__tip">点柱子或圆点，查看这个数字背后的事项</View>
        </>
      ) : (
        <FigureTable figure={figure} onOpen={open} />
      )}
    </View>
  );
}

function FigureTable({ figure, onOpen }: { figure: Figure; onOpen: (d: ReportDrillRef | null, series: string, row: string) => void }) {
  return (
    <ScrollView scrollX className="qw-ftable__scroll">
      <View className="qw-ftable">
        <View className="qw-ftable__row qw-ftable__row--head">
          <View className="qw-ftable__cell qw-ftable__cell--label">时间</View>
          {figure.columns.map((c) => (
            <View key={c.label} className="qw-ftable__cell">
              {c.label}
            </View>
          ))}
        </View>
        {figure.rows.map((row, i) => (
          <View key={row} className="qw-ftable__row">
            <View className="qw-ftable__cell qw-ftable__cell--label">{row}</View>
            {figure.columns.map((c) => {
              const cell = c.cells[i];
              return (
                <View
                  key={c.label}
                  className={`qw-ftable__cell${cell?.drill ? ' qw-ftable__cell--link' : ''}`}
                  data-drill={cell?.drill ? `${figure.id}:${i}:${c.label}` : undefined}
                  onClick={() => onOpen(cell?.drill ?? null, c.label, row)}
                >
                  {cell ? cell.text : '—'}
                </View>
              );
            })}
          </View>
        ))}
      </View>
    </ScrollView>
  );
}
