// The chart wrapper's weapp path: ECharts on a mini-program canvas-2d node (no DOM), and a tap on
// the canvas reaching the bar under the finger. The node here records what is drawn on it.
/** A 2d context that keeps every call; measureText answers like a 12px font would. */
function recordingContext() {
  const calls: { name: string; args: unknown[] }[] = [];
  const target: Record<string, unknown> = {};
  const ctx = new Proxy(target, {
    get(t, key: string) {
      if (key in t) return t[key];
      if (key === 'measureText') return (text: string) => ({ width: String(text).length * 12 });
      if (key === 'createLinearGradient' || key === 'createRadialGradient' || key === 'createPattern') return () => ({ addColorStop() {} });
      if (key === 'getLineDash') return () => [];
      if (key === 'canvas') return undefined;
      return (...args: unknown[]) => void calls.push({ name: key, args });
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
