// Our ECharts wrapper: a DOM element on h5, Taro's Canvas (type 2d) on weapp. `option` is redrawn
// when it changes; a tap on a bar or point calls onTap with its series and bucket.
import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { chartOnCanvas, chartOnElement, touchToChart, type ChartOption, type ChartPoint, type CanvasNode, type EChart } from './echarts';

interface Props {
  /** Unique on the page: the selector query and the h5 element find the chart by it. */
  id: string;
  option: ChartOption;
  /** Height in rpx, so the chart scales with the screen like the rest of the page. */
  height?: number;
  onTap?: (p: ChartPoint) => void;
}

const H5 = process.env.TARO_ENV === 'h5';

interface Measured {
  node: CanvasNode | null;
  width: number;
  height: number;
}

/** The canvas node and its laid-out size; null where there is none (a simulator that draws no canvas). */
function measure(id: string): Promise<Measured | null> {
  return new Promise((resolve) => {
    try {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: (Measured | null)[]) => resolve(res?.[0] ?? null));
    } catch {
      resolve(null);
    }
  });
}

function pixelRatio(): number {
  const info = (Taro.getWindowInfo ? Taro.getWindowInfo() : Taro.getSystemInfoSync()) as { pixelRatio?: number };
  return info.pixelRatio ?? 2;
}

export function Chart({ id, option, height = 460, onTap }: Props) {
  const chart = useRef<EChart | null>(null);
  const tap = useRef(onTap);
  tap.current = onTap;
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let gone = false;
    const onPoint = (p: ChartPoint) => tap.current?.(p);
    const start = (c: EChart) => {
      if (gone) return void c.dispose();
      c.setOption(latest.current);
      chart.current = c;
    };
    if (H5) {
      const el = document.getElementById(id);
      if (el) start(chartOnElement(el, onPoint));
    } else {
      // The canvas node exists once the page's render has reached the view layer: ask until it does.
      const attempt = (left: number) => {
        void measure(id).then((m) => {
          if (gone) return;
          if (m?.node && m.width > 0) start(chartOnCanvas(m.node, { width: m.width, height: m.height, dpr: pixelRatio() }, onPoint));
          else if (left > 0) setTimeout(() => attempt(left - 1), 50);
        });
      };
      Taro.nextTick(() => attempt(10));
    }
    return () => {
      gone = true;
      chart.current?.dispose();
      chart.current = null;
    };
  }, [id]);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  const style = { width: '100%', height: `${Taro.pxTransform(height)}` };
  if (H5) return <View id={id} className="qw-chart" style={style} />;
  type TouchEv = { touches?: { x: number; y: number }[]; changedTouches?: { x: number; y: number }[] };
  const touch = (phase: 'start' | 'move' | 'end') => (e: unknown) => {
    const ev = e as TouchEv;
    if (chart.current) touchToChart(chart.current, phase, phase === 'end' ? ev.changedTouches?.[0] : ev.touches?.[0]);
  };
  return (
    <Canvas
      type="2d"
      id={id}
      className="qw-chart"
      style={style}
      onTouchStart={touch('start')}
      onTouchMove={touch('move')}
      onTouchEnd={touch('end')}
    />
  );
}
