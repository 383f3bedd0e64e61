// Starts the local host exactly as `npm start` does (minus the h5 build, done by `npm test`), on a
// free port with a throwaway data folder, and drives Debian's chromium with playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, selectors, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import type { ActionInput, ActionName, ActionResult, Result } from '../../src/contract';

export const ROOT = resolve(__dirname, '../..');
/** The h5 build the host serves (QW_DIST lets parallel builds keep their own). */
const DIST_H5 = join(process.env.QW_DIST ?? 'dist', 'h5');
export const ARTIFACTS = join(ROOT, 'test/e2e/artifacts');

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
    srv.on('error', rej);
  });
}

export interface Host {
  url: string;
  /** The host's data folder (its SQLite file, keys): for a test acting as someone with database access. */
  dataDir: string;
  stop(): Promise<void>;
  /** Test-only: move the host's clock, then run the scheduler. */
  advance(ms: number): Promise<void>;
  /** Test-only: the host's clock (ms). */
  now(): Promise<number>;
}

export async function startHost(): Promise<Host> {
  if (!existsSync(join(ROOT, DIST_H5, 'index.html'))) throw new Error(`${DIST_H5} is missing: run "npm run build:h5" (npm test does)`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'qunwu-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/server/host/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, QW_TEST_CONTROLS: '1', SCHEDULER_INTERVAL_MS: '3600000', STATIC_DIR: join(ROOT, DIST_H5) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`host did not start:\n${log}`)), 30_000);
    const onData = (b: Buffer) => {
      log += b.toString();
      if (log.includes(`127.0.0.1:${port}`)) {
        clearTimeout(timer);
        res();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => rej(new Error(`host exited with ${code}:\n${log}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    dataDir,
    async advance(ms) {
      await fetch(`${url}/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: ms }) });
      await fetch(`${url}/dev/scheduler`, { method: 'POST' });
    },
    async now() {
      const r = await fetch(`${url}/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 0 }) });
      return ((await r.json()) as { now: number }).now;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  await registerCurrentPage();
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A phone-sized page, so screenshots look like the mini-program does; in a context of its own (close it
 * with `page.context().close()`). `options` add to the phone (a dark colour scheme…), `init` runs in every
 * document before the app does.
 */
export async function phonePage(browser: Browser, options: BrowserContextOptions = {}, init?: () => void): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  if (init) await context.addInitScript(init);
  return context.newPage();
}

/**
 * A selector engine, run in the browser: the Taro page the address bar is at. Taro's h5 router keeps the
 * pages under the current one in the DOM (hidden, class taro_page_shade), slides a new one in over the old
 * (both shown meanwhile) and, going back, lets the old one slide out (z-index 1) before it goes. So the
 * current page is the last unshaded page of the address's path; none while that page is still loading, so
 * a lookup waits for it rather than finding the page it came from. A string, not a function: what a
 * compiler adds to a function (helpers, names) would not be in the page.
 */
const currentPageEngine = `({
  queryAll(root) {
    const doc = root.ownerDocument || root;
    const shown = Array.from(doc.querySelectorAll('.taro_router > .taro_page')).filter((p) => !p.classList.contains('taro_page_shade') && !p.style.zIndex);
    const path = doc.location.pathname;
    const here = shown.filter((p) => p.id.split('?')[0] === path);
    // '/' is app.config's first page.
    const page = here.length > 0 ? here[here.length - 1] : path === '/' ? shown[shown.length - 1] : undefined;
    return page && root.contains(page) ? [page] : [];
  },
  query(root) {
    return this.queryAll(root)[0] || null;
  },
})`;
let engineRegistered = false;
async function registerCurrentPage() {
  if (engineRegistered) return;
  await selectors.register('taro_current', { content: currentPageEngine });
  engineRegistered = true;
}

/**
 * The page in view, for every lookup of the page's own content (not the tab bar, a toast or a modal,
 * which Taro puts outside it): `current(page).getByText('已通过')` never finds an earlier page's 已通过.
 */
export function current(page: Page): Locator {
  return page.locator('taro_current=page');
}

/** A button of Taro's h5 modal (showModal; also h5's stand-in for WeChat's subscription popup, 允许). */
export function modalButton(page: Page, label: string): Locator {
  return page.locator('.taro-modal__foot', { hasText: label }).getByText(label, { exact: true });
}

/** A tab of the tab bar (首页, 待办, 我的). */
export function tab(page: Page, label: string): Locator {
  return page.locator('.taro-tabbar__tabbar').getByText(label, { exact: true });
}

/**
 * Calls an action as a person through the host's api, over HTTP as the h5 app does (signed in with a
 * session of their own, so `page` stays as it is): for preconditions. A refusal throws.
 */
export async function act<A extends ActionName>(host: Host, personId: string, action: A, data: ActionInput<A>): Promise<ActionResult<A>> {
  const signin = await fetch(`${host.url}/dev/signin`, { method: 'POST', body: new URLSearchParams({ personId }), redirect: 'manual' });
  const cookie = signin.headers.get('set-cookie')!.split(';')[0];
  const res = await fetch(`${host.url}/api/api`, { method: 'POST', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify({ action, data }) });
  const r = (await res.json()) as Result<ActionResult<A>>;
  if (!r.ok) throw new Error(`${personId} ${action}: ${r.code} ${r.message}`);
  return r.data;
}

/** Sign out, pick a demo person on the sign-in page, and land on 首页. */
export async function signInAs(page: Page, host: Host, personId: string): Promise<void> {
  await page.goto(`${host.url}/dev/signout`);
  await page.waitForURL(/\/dev\/signin/);
  await page.click(`button[data-person="${personId}"]`);
  await page.getByText('我的群').waitFor();
}

let shot = 0;
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${String(++shot).padStart(2, '0')}-${name}.png`);
  // Let Taro's h5 page-slide animation finish, or two pages overlap in the picture.
  await page.waitForTimeout(700);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface E2E {
  /** The local host (started before the file's tests, stopped after them). */
  readonly host: Host;
  readonly browser: Browser;
  /** A phone-sized page. */
  readonly page: Page;
  /** The Taro page in view on `page` (see current). */
  readonly current: Locator;
  /** Signs `page` in as a demo person, on 首页. */
  signInAs(personId: string): Promise<void>;
  /** An action as a person through the host's api (see act). */
  act<A extends ActionName>(personId: string, action: A, data: ActionInput<A>): Promise<ActionResult<A>>;
  /** A tab of the tab bar (see tab). */
  tab(label: string): Locator;
  /** A button of the modal in view (see modalButton). */
  modal(label: string): Locator;
}

/**
 * The set-up every e2e file shares: registers beforeAll (start the host, launch chromium, open a phone
 * page) and afterAll (close them), and returns getters, valid from the file's beforeAll hooks on (those
 * registered after this call run after it).
 */
export function useE2E(): E2E {
  let host: Host | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    host = await startHost();
    browser = await launchBrowser();
    page = await phonePage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useE2E: the ${name} is not started yet (use it in a test or a beforeAll after useE2E())`);
    return value;
  };
  const e2e: E2E = {
    get host() {
      return started(host, 'host');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get page() {
      return started(page, 'page');
    },
    get current() {
      return current(e2e.page);
    },
    signInAs: (personId) => signInAs(e2e.page, e2e.host, personId),
    act: (personId, action, data) => act(e2e.host, personId, action, data),
    tab: (label) => tab(e2e.page, label),
    modal: (label) => modalButton(e2e.page, label),
  };
  return e2e;
}

/**
 * WeChat's largest text, approximated as 1.5× every font size: an init script (runs in the browser) that
 * rewrites each stylesheet's font-size rules to calc(… * 1.5) as the sheets load, those a subpackage
 * loads later too (layout widths stay as they are, as on a phone whose text alone grows).
 */
export function largeText() {
  const done = new WeakSet<CSSStyleSheet>();
  const walk = (rules: CSSRuleList) => {
    for (const r of Array.from(rules)) {
      const style = (r as CSSStyleRule).style;
      if (style?.fontSize && !style.fontSize.startsWith('calc(')) style.fontSize = `calc(${style.fontSize} * 1.5)`;
      if ((r as CSSGroupingRule).cssRules) walk((r as CSSGroupingRule).cssRules);
    }
  };
  const scale = () => {
    for (const sheet of Array.from(document.styleSheets)) {
      if (done.has(sheet)) continue;
      try {
        walk(sheet.cssRules);
        done.add(sheet);
      } catch {
        // not readable yet
      }
    }
  };
  new MutationObserver(scale).observe(document, { subtree: true, childList: true });
  document.addEventListener('load', scale, true);
  setInterval(scale, 100);
}
