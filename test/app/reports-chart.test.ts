// The chart wrapper's weapp path: ECharts on a mini-program canvas-2d node (no DOM), and a tap on
// the canvas reaching the bar under the finger. The node here records what is drawn on it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import * as taro from './stubs/taro';
import { overview } from './report-fixtures';
/** A 2d context that keeps every call (with the colours set when it was made); measureText answers like a 12px font would. */
function recordingContext() {
  const calls: { name: string; args: unknown[]; fill?: unknown; stroke?: unknown }[] = [];
  const target: Record<string, unknown> = {};
  const ctx = new Proxy(target, {
    get(t, key: string) {
      if (key in t) return t[key];
      if (key === 'measureText') return (text: string) => ({ width: String(text).length * 12 });
      if (key === 'createLinearGradient' || key === 'createRadialGradient' || key === 'createPattern') return () => ({ addColorStop() {} });
      if (key === 'getLineDash') return () => [];
      if (key === 'canvas') return undefined;
      return (...args: unknown[]) => void calls.push({ name: key, args, fill: t.fillStyle, stroke: t.strokeStyle });
    },
    set(t, key: string, value) {
      t[key] = value;
      return true;
    },
  });
  return { ctx, calls };
}

function load() {
  // WeChat's global, as zrender detects a mini-program; set before ECharts loads.
  (global as unknown as { wx: unknown }).wx = { getSystemInfoSync: () => ({ pixelRatio: 2 }) };
  let mod!: typeof import('../../src/app/packages/reports/chart/echarts');
  jest.isolateModules(() => {
    mod = require('../../src/app/packages/reports/chart/echarts');
  });
  return mod;
}

const option = {
  animation: false,
  grid: { left: 40, right: 10, top: 30, bottom: 30 },
  xAxis: { type: 'category', data: ['11/03', '11/10', '11/17'] },
  yAxis: { type: 'value', minInterval: 1 },
  series: [{ type: 'bar', name: '新开', data: [1, 3, 0] }],
};

describe('the reports chart on a mini-program canvas (type 2d)', () => {
  afterEach(() => {
    delete (global as unknown as { wx?: unknown }).wx;
  });

  it('should draw the buckets on the node at the device pixel ratio', () => {
    const { chartOnCanvas } = load();
    const { ctx, calls } = recordingContext();
    const node = { width: 0, height: 0, getContext: () => ctx };
    const chart = chartOnCanvas(node, { width: 300, height: 200, dpr: 2 }, () => {});
    chart.setOption(option);
    expect([node.width, node.height]).toEqual([600, 400]);
    const texts = calls.filter((c) => c.name === 'fillText').map((c) => c.args[0]);
    expect(texts).toEqual(expect.arrayContaining(['11/03', '11/10', '11/17']));
    // Two bars with a height (the empty bucket draws none).
    expect(calls.filter((c) => c.name === 'rect' || c.name === 'fillRect').length).toBeGreaterThanOrEqual(2);
    chart.dispose();
  });

  it('should turn a tap on a bar into that bucket, and a tap beside the bars into nothing', () => {
    const { chartOnCanvas, touchToChart } = load();
    const { ctx } = recordingContext();
    const taps: unknown[] = [];
    const chart = chartOnCanvas({ width: 0, height: 0, getContext: () => ctx }, { width: 300, height: 200, dpr: 2 }, (p) => taps.push(p));
    chart.setOption(option);
    // The middle of the second bar (value 3): half its height above the axis.
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [1, 1.5]) as number[];
    touchToChart(chart, 'start', { x, y });
    touchToChart(chart, 'end', { x, y });
    expect(taps).toEqual([{ seriesIndex: 0, dataIndex: 1 }]);
    // Above the first bar (value 1), where nothing is drawn: no bucket.
    const [x0, above] = chart.convertToPixel({ seriesIndex: 0 }, [0, 2.5]) as number[];
    touchToChart(chart, 'start', { x: x0, y: above });
    touchToChart(chart, 'end', { x: x0, y: above });
    expect(taps).toHaveLength(1);
    chart.dispose();
  });
});

/** app.scss's colour variables of one mixin (light-colours or dark-colours), by name without --qw-. */
function cssColours(mixin: 'light-colours' | 'dark-colours'): Record<string, string> {
  const scss = readFileSync(join(__dirname, '../../src/app/app.scss'), 'utf8');
  const body = scss.split(`@mixin ${mixin} {`)[1].split('}')[0];
  return Object.fromEntries([...body.matchAll(/--qw-([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

describe('the reports chart in the phone\'s light or dark mode', () => {
  const { figuresOf } = require('../../src/app/packages/reports/lib/figures') as typeof import('../../src/app/packages/reports/lib/figures');
  const { optionOf } = require('../../src/app/packages/reports/chart/option') as typeof import('../../src/app/packages/reports/chart/option');
  const opened = () => figuresOf(overview()).find((f) => f.id === 'opened')!;

  afterEach(() => {
    delete (global as unknown as { wx?: unknown }).wx;
    taro.switchTheme('light');
  });

  /** What one option draws: the colour of each axis label's text and of every stroked line. */
  function draw(option: unknown) {
    const { chartOnCanvas } = load();
    const { ctx, calls } = recordingContext();
    const chart = chartOnCanvas({ width: 0, height: 0, getContext: () => ctx }, { width: 300, height: 200, dpr: 2 }, () => {});
    chart.setOption(option as Parameters<typeof chart.setOption>[0]);
    chart.dispose();
    const textColour = (text: string) => calls.find((c) => c.name === 'fillText' && c.args[0] === text)?.fill;
    return { textColour, strokes: new Set(calls.filter((c) => c.name === 'stroke').map((c) => c.stroke)) };
  }

  it('should draw labels, legend and grid lines in the app\'s dark colours on a dark phone, and its light ones otherwise', () => {
    const light = cssColours('light-colours');
    const dark = cssColours('dark-colours');
    const onLight = draw(optionOf(opened(), 'light'));
    const onDark = draw(optionOf(opened(), 'dark'));
    // Axis labels: --qw-muted; legend: --qw-text; grid lines: --qw-line.
    expect([onLight.textColour('11/2'), onLight.textColour('改名申请')]).toEqual([light.muted, light.text]);
    expect([onDark.textColour('11/2'), onDark.textColour('改名申请')]).toEqual([dark.muted, dark.text]);
    expect(dark.muted).not.toBe(light.muted);
    expect(onLight.strokes).toContain(light.line);
    expect(onDark.strokes).toContain(dark.line);
    expect(onDark.strokes).not.toContain(light.line);
    // Tooltip box and the series: the dark surface, and the dark blue first.
    const option = optionOf(opened(), 'dark') as { tooltip: { backgroundColor: string; textStyle: { color: string } }; color: string[] };
    expect([option.tooltip.backgroundColor, option.tooltip.textStyle.color]).toEqual([dark.surface, dark.text]);
    expect(option.color.slice(0, 4)).toEqual([dark.blue, dark.green, dark.orange, dark.red]);
  });

  it('should redraw the chart in dark colours when the phone switches to dark mode, and stop listening when it leaves', async () => {
    (global as unknown as { wx: unknown }).wx = { getSystemInfoSync: () => ({ pixelRatio: 2 }) };
    const { FigureCard } = require('../../src/app/packages/reports/components/FigureCard') as typeof import('../../src/app/packages/reports/components/FigureCard');
    const { ctx, calls } = recordingContext();
    const node = { width: 0, height: 0, getContext: () => ctx };
    taro.createSelectorQuery.mockImplementation((() => {
      const query = { select: () => query, fields: () => query, exec: (cb: (res: unknown[]) => void) => cb([{ node, width: 300, height: 200 }]) };
      return query;
    }) as never);
    const listening = taro.themeListenerCount();
    const view = render(createElement(FigureCard, { figure: opened(), scope: '全部群' }));
    const labelColours = () => calls.filter((c) => c.name === 'fillText' && c.args[0] === '11/2').map((c) => c.fill);
    await waitFor(() => expect(labelColours()).toEqual([cssColours('light-colours').muted]));
    calls.length = 0;
    act(() => taro.switchTheme('dark'));
    await waitFor(() => expect(labelColours()).toEqual([cssColours('dark-colours').muted]));
    view.unmount();
    expect(taro.themeListenerCount()).toBe(listening);
  });
});
