// Starts the local host exactly as `npm start` does (minus the h5 build, done by `npm test`), on a
// free port with a throwaway data folder, and drives Debian's chromium with playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

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
  stop(): Promise<void>;
  /** Test-only: move the host's clock, then run the scheduler. */
  advance(ms: number): Promise<void>;
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
    async advance(ms) {
      await fetch(`${url}/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: ms }) });
      await fetch(`${url}/dev/scheduler`, { method: 'POST' });
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
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

/** A phone-sized page, so screenshots look like the mini-program does. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return context.newPage();
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
