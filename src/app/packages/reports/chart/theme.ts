// The phone's light or dark mode for the charts: a canvas cannot read the page's CSS variables, so
// the palettes repeat app.scss's light-colours / dark-colours (test/app/reports-chart.test.ts checks
// they stay equal). weapp asks WeChat (app.config has darkmode: true); h5 asks the browser.
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

export type ChartTheme = 'light' | 'dark';

export interface ChartPalette {
  /** Series colours in order; the first four are --qw-blue, --qw-green, --qw-orange, --qw-red. */
  series: string[];
  /** Legend and tooltip text (--qw-text). */
  text: string;
  /** Axis labels (--qw-muted). */
  label: string;
  /** Axis line and ticks (--qw-faint). */
  axis: string;
  /** Grid lines (--qw-line). */
  grid: string;
  /** Tooltip box (--qw-surface, bordered with --qw-line). */
  surface: string;
  /** The line under the hovered bucket (--qw-faint). */
  pointer: string;
}

export const CHART_PALETTES: Record<ChartTheme, ChartPalette> = {
  light: {
    series: ['#3370ff', '#07c160', '#de7802', '#d83931', '#7f3bf5', '#14c0ff', '#f5c400', '#8f959e'],
    text: '#1f2329',
    label: '#646a73',
    axis: '#8f959e',
    grid: '#e5e6eb',
    surface: '#ffffff',
    pointer: '#8f959e',
  },
  // Purple, cyan and yellow have no app variable: lifted by hand to read on --qw-surface.
  dark: {
    series: ['#6f9bff', '#07c160', '#f5a04a', '#f36b63', '#a77bff', '#3fcfff', '#f5c400', '#8a9099'],
    text: '#e6e7e9',
    label: '#a6abb3',
    axis: '#8a9099',
    grid: '#33363b',
    surface: '#1e1f22',
    pointer: '#8a9099',
  },
};

const H5 = process.env.TARO_ENV === 'h5';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function h5Query(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
}

/** The phone's theme now; light where the platform does not say (WeChat below base library 2.11). */
export function systemTheme(): ChartTheme {
  if (H5) return h5Query()?.matches ? 'dark' : 'light';
  try {
    const info = (Taro.getAppBaseInfo ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()) as { theme?: string };
    return info.theme === 'dark' ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

/** Calls onChange with the new theme whenever the phone switches; returns the unsubscribe. */
export function watchTheme(onChange: (theme: ChartTheme) => void): () => void {
  if (H5) {
    const query = h5Query();
    if (!query) return () => {};
    const listener = (e: MediaQueryListEvent) => onChange(e.matches ? 'dark' : 'light');
    query.addEventListener('change', listener);
    return () => query.removeEventListener('change', listener);
  }
  const listener = (res: { theme: string }) => onChange(res.theme === 'dark' ? 'dark' : 'light');
  // Older base libraries (and the simulator) lack these: the chart then keeps the theme it opened in.
  try {
    Taro.onThemeChange(listener as Parameters<typeof Taro.onThemeChange>[0]);
  } catch {
    return () => {};
  }
  return () => {
    try {
      Taro.offThemeChange(listener as Parameters<typeof Taro.offThemeChange>[0]);
    } catch {
      // nothing to remove
    }
  };
}

/** The theme a chart draws in, following the phone while the component is mounted. */
export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState<ChartTheme>(systemTheme);
  useEffect(() => {
    // A switch between the first render and this effect would otherwise be missed.
    setTheme(systemTheme());
    return watchTheme(setTheme);
  }, []);
  return theme;
}
