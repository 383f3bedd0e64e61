// Taro build config, written by hand (taro init cannot run here). Pages import TypeScript from
// src/contract and src/core, so both platforms compile the whole of src/.
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const srcRoot = path.resolve(__dirname, '..', 'src');
const appConfig = path.join(srcRoot, 'app', 'app.config.ts');

interface Chain {
  get(key: string): unknown;
  set(key: string, value: unknown): unknown;
  cache(value: unknown): unknown;
}

function tuneWebpack(chain: Chain) {
  // Taro names src/app.config as a cache dependency whatever sourceRoot says, and webpack then
  // refuses to persist the cache at all.
  const cache = chain.get('cache') as { buildDependencies?: Record<string, string[]> } | undefined;
  if (cache && typeof cache === 'object') {
    chain.cache({ ...cache, ...(process.env.QW_DIST ? { name: `qw-${process.env.QW_DIST.replace(/\W/g, '_')}-${process.env.TARO_ENV}` } : {}), buildDependencies: { ...cache.buildDependencies, files: [appConfig] } });
  }
  // The cache's notes about Taro modules it cannot serialise are noise, not problems.
  chain.set('infrastructureLogging', { level: 'error' });
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'qunwu',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src/app',
    // QW_DIST lets two builds run side by side (each with its own output and cache).
    outputRoot: `${process.env.QW_DIST ?? 'dist'}/${process.env.TARO_ENV}`,
    plugins: [path.resolve(__dirname, 'plugins/a11y.js')],
    defineConstants: {},
    // Taro 4.2.1 exposes TARO_APP_* only from .env files; the deploy sets it in the environment.
    env: { TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? '') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // weapp: webpack's persistent cache gave rebuilds whose shared chunks and pages disagreed on export
    // names ("(0, r.Yq) is not a function", pages crashing), so weapp always builds from scratch.
    cache: { enable: process.env.TARO_ENV !== 'weapp' },
    // weapp cannot recurse templates, so base.wxml repeats each used element once per level (16 by
    // default, ~60 KB). Our deepest page (case history) is 8 levels; deeper trees still render, through
    // Taro's `comp` component. Saves ~16 KB of the 400 KB main-package budget.
    baseLevel: 10,
    // Taro's default escapes every Chinese character as \uXXXX (6 bytes); UTF-8 takes 3, which keeps
    // the main package's Chinese labels and messages at half the size.
    // QW_MINIFY=0 skips it: a quicker h5 build for the e2e on a busy machine (never for size checks).
    terser: { enable: process.env.QW_MINIFY !== '0', config: { output: { ascii_only: false } } },
    mini: {
      compile: { include: [srcRoot] },
      webpackChain: tuneWebpack,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: { include: [srcRoot] },
      webpackChain(chain: Chain & { performance: { hints(v: boolean): unknown } }) {
        tuneWebpack(chain);
        // The h5 build is the local stand-in for WeChat, served from this machine: no size hints.
        chain.performance.hints(false);
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      devServer: { host: '127.0.0.1' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
