// Runs Taro pages of dist/weapp inside miniprogram-simulate: a stand-in for wx, App, getApp and
// getCurrentPages, the app's onLaunch, and each Page(config) registered as a Component.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const DIST = path.resolve(__dirname, '../..', process.env.QW_DIST ?? 'dist', 'weapp');

const ROOT = path.resolve(__dirname, '../..');
/** What the weapp build is made of: a change here makes the build stale. */
const SOURCES = ['src/app', 'src/contract', 'src/core', 'config'].map((d) => path.join(ROOT, d));

/** The newest modification time under a folder (files only). */
export function newestMtime(dir: string): { at: number; file: string } {
  let best = { at: 0, file: '' };
  if (!existsSync(dir)) return best;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p);
    const here = st.isDirectory() ? newestMtime(p) : { at: st.mtimeMs, file: p };
    if (here.at > best.at) best = here;
  }
  return best;
}

/** Why the build at `dist` must be (re)built, or null when it is newer than every source. */
export function staleReason(dist: string = DIST, sources: string[] = SOURCES): string | null {
  const appJs = path.join(dist, 'app.js');
  if (!existsSync(appJs)) return `${path.relative(ROOT, appJs)} is missing`;
  const built = statSync(appJs).mtimeMs;
  const newest = sources.map((d) => newestMtime(d)).reduce((a, b) => (b.at > a.at ? b : a), { at: 0, file: '' });
  return newest.at > built ? `${path.relative(ROOT, newest.file)} is newer than ${path.relative(ROOT, appJs)}` : null;
}

/**
 * Builds dist/weapp (or $QW_DIST/weapp) when it is missing or older than its sources, so the suite
 * never tests a stale build silently; says why on stderr when it rebuilds.
 */
export function ensureWeappBuild(): void {
  const reason = staleReason();
  if (!reason) return;
  process.stderr.write(`weapp build: ${reason}; rebuilding ${path.relative(ROOT, DIST)}\n`);
  try {
    execSync('npx taro build --type weapp', { cwd: ROOT, stdio: 'pipe', timeout: 300_000 });
  } catch (err) {
    const out = String((err as { stdout?: Buffer }).stdout ?? '') + String((err as { stderr?: Buffer }).stderr ?? '');
    throw new Error(`weapp build failed:\n${out.slice(-4000)}`);
  }
}

type Fn = (...args: any[]) => any;
export interface PageInstance {
  route: string;
  options: Record<string, string>;
  [key: string]: unknown;
}

interface Harness {
  simulate: typeof import('miniprogram-simulate');
  /** Launches the app at a page without opening it yet (openPage launches at its page otherwise). */
  launch(route: string, query?: Record<string, string>): void;
  /** Loads and renders one page with its query, as WeChat would open it. */
  openPage(route: string, query?: Record<string, string>): ReturnType<typeof import('miniprogram-simulate')['render']>;
}

/** Call after putting the wx APIs the test controls on global.wx. */
export function startApp(wxOverrides: Record<string, unknown>): Harness {
  const g = global as unknown as Record<string, unknown>;
  g.wx = { ...wxOverrides };
  // simulate merges its own wx API mock under ours and defines Component.
  const simulate = require('miniprogram-simulate') as typeof import('miniprogram-simulate');
  const pages: PageInstance[] = [];
  let app: Record<string, Fn> | null = null;
  g.App = (config: Record<string, Fn>) => {
    app = config;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  let pending: { route: string; query: Record<string, string> } | null = null;
  // Taro's page config (onLoad, onShow, eh, …) becomes a component whose attach opens the page.
  g.Page = (config: Record<string, unknown>) => {
    const methods: Record<string, Fn> = {};
    const rest: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(config)) {
      if (typeof v === 'function') methods[k] = v as Fn;
      else rest[k] = v;
    }
    const open = pending!;
    (g.Component as Fn)({
      ...rest,
      methods,
      lifetimes: {
        attached(this: PageInstance) {
          this.route = open.route;
          this.options = open.query;
          pages.push(this);
          (this.onLoad as Fn).call(this, open.query);
          (this.onShow as Fn | undefined)?.call(this);
          (this.onReady as Fn | undefined)?.call(this);
        },
      },
    });
  };

  require(path.join(DIST, 'app.js'));
  if (!app) throw new Error('dist/weapp/app.js did not call App()');
  // WeChat launches the app at the page it opens first (the launch path is that page's route).
  let launched = false;
  const launch = (route: string, query: Record<string, string>) => {
    launched = true;
    (app as Record<string, Fn>).onLaunch?.call(app, { path: route, query, scene: 1001 });
    (app as Record<string, Fn>).onShow?.call(app, { path: route, query, scene: 1001 });
  };

  return {
    simulate,
    launch: (route, query = {}) => launch(route, query),
    openPage(route, query = {}) {
      if (!launched) launch(route, query);
      pending = { route, query };
      const id = simulate.load(path.join(DIST, route), { rootPath: DIST });
      const page = simulate.render(id);
      page.attach(document.createElement('parent-wrapper'));
      return page;
    },
  };
}
