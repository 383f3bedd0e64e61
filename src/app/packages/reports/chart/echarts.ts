// ECharts with only what the reports draw (line, bar, grid, tooltip, legend on canvas): imported from
// this subpackage alone, so the library never reaches the main package (R15's 400 KB budget).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type EChart = echarts.ECharts;
export type ChartOption = echarts.EChartsCoreOption;

/** What a tap on a bar or a point names: the series and the bucket. */
export interface ChartPoint {
  seriesIndex: number;
  dataIndex: number;
}

/** A mini-program canvas (type 2d) node, as a selector query's `fields({ node: true })` gives it. */
export interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): unknown;
}

function listen(chart: EChart, onTap: (p: ChartPoint) => void): EChart {
  chart.on('click', (p) => {
    if (typeof p.seriesIndex === 'number' && typeof p.dataIndex === 'number') onTap({ seriesIndex: p.seriesIndex, dataIndex: p.dataIndex });
  });
  return chart;
}

/** h5: ECharts makes its own canvas inside the element and listens to the DOM itself. */
export function chartOnElement(el: HTMLElement, onTap: (p: ChartPoint) => void): EChart {
  return listen(echarts.init(el, undefined, { renderer: 'canvas' }), onTap);
}

/**
 * weapp: ECharts draws straight on the canvas-2d node (its single-canvas mode, as WeChat's own
 * echarts-for-weixin does); text is measured on the same node, since Taro's document cannot make a canvas.
 */
export function chartOnCanvas(node: CanvasNode, size: { width: number; height: number; dpr: number }, onTap: (p: ChartPoint) => void): EChart {
  echarts.setPlatformAPI({ createCanvas: () => node as unknown as HTMLCanvasElement });
  const target = Object.assign(node, { addEventListener() {}, removeEventListener() {}, attachEvent() {}, detachEvent() {} });
  return listen(echarts.init(target as unknown as HTMLElement, undefined, { width: size.width, height: size.height, devicePixelRatio: size.dpr }), onTap);
}

type Touch = { x: number; y: number };
const noop = () => {};
const zrEvent = (t: Touch) => ({ zrX: t.x, zrY: t.y, preventDefault: noop, stopImmediatePropagation: noop, stopPropagation: noop });

/**
 * weapp has no DOM events for zrender to hear: a touch on the canvas (x, y relative to it) becomes the
 * mouse events zrender's handler expects. A tap is down then up then click at the same place.
 */
export function touchToChart(chart: EChart, phase: 'start' | 'move' | 'end', touch: Touch | undefined): void {
  if (!touch) return;
  const handler = (chart.getZr() as unknown as { handler: { dispatch(name: string, e: unknown): void } }).handler;
  if (phase === 'start') {
    handler.dispatch('mousedown', zrEvent(touch));
    handler.dispatch('mousemove', zrEvent(touch));
  } else if (phase === 'move') {
    handler.dispatch('mousemove', zrEvent(touch));
  } else {
    handler.dispatch('mouseup', zrEvent(touch));
    handler.dispatch('click', zrEvent(touch));
  }
}
