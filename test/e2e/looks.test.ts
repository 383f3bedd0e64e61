// How the main screens look at normal and large text, in light and dark mode: 首页, 待办, a case page
// and a form, each pictured four times (test/e2e/artifacts/*-looks-*.png), and checked for text cut
// off or pushed off the screen. Large text is WeChat's largest setting approximated as 1.5× every
// font size: each stylesheet's font-size rules are rewritten to calc(… * 1.5) as they load (layout
// widths stay as they are, as on a phone whose text alone grows). Dark mode is chromium's
// prefers-color-scheme: dark (playwright's colorScheme), as a phone in dark mode reports it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot, startHost, type Host } from './support';

jest.setTimeout(300_000);

let host: Host;
let browser: Browser;
let caseUrl = '';
let formUrl = '';

/** Rewrites every font-size of every stylesheet (also those a subpackage loads later) to 1.5×. */
function largeText() {
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
  setInterval(scale, 200);
}

async function phone(scheme: 'light' | 'dark', large: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    colorScheme: scheme,
  });
  if (large) await context.addInitScript(largeText);
  return { context, page: await context.newPage() };
}

async function signInAs(page: Page, personId: string) {
  await page.goto(`${host.url}/dev/signout`);
  await page.waitForURL(/\/dev\/signin/);
  await page.click(`button[data-person="${personId}"]`);
  await page.getByText('我的群').waitFor();
}

/** Text cut off by a box that hides overflow, or anything wider than the screen. */
async function clipped(page: Page): Promise<string[]> {
  await page.waitForTimeout(700);
  return page.evaluate(() => {
    const out: string[] = [];
    const width = window.innerWidth;
    for (const el of Array.from(document.querySelectorAll('.taro_page:not([style*="display: none"]) *, .taro-tabbar__tabbar *'))) {
      const e = el as HTMLElement;
      if (!e.offsetParent || !e.innerText?.trim()) continue;
      const s = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      if (r.right > width + 1) out.push(`off screen: ${e.className} «${e.innerText.slice(0, 20)}»`);
      const hides = s.overflowX === 'hidden' || s.overflow === 'hidden' || s.textOverflow === 'ellipsis';
      if (hides && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 2) && e.children.length === 0) {
        out.push(`cut: ${e.className} «${e.innerText.slice(0, 20)}»`);
      }
    }
    return [...new Set(out)];
  });
}

beforeAll(async () => {
  host = await startHost();
  browser = await launchBrowser();
  // A case to picture: 黄磊 files a rename request (its form is the form pictured).
  const { context, page } = await phone('light', false);
  await signInAs(page, 'p_huanglei');
  await page.getByText('申请改名', { exact: true }).first().click();
  await page.waitForURL(/rename/);
  await page.getByText('新的群昵称').waitFor();
  formUrl = page.url();
  await page.locator('input').first().fill('黄磊-市场部');
  await page.getByText('提交申请', { exact: true }).click();
  await page.getByText('允许', { exact: true }).click();
  await page.getByText('待审批').first().waitFor();
  caseUrl = page.url();
  await context.close();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe.each([
  ['light', false],
  ['light', true],
  ['dark', false],
  ['dark', true],
] as const)('the main screens in %s mode, large text %s', (scheme, large) => {
  const tag = `${scheme}-${large ? 'large' : 'normal'}`;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await phone(scheme, large)));
  afterAll(() => context?.close());

  it('should show 首页 and 待办 whole, in the phone’s colours', async () => {
    await signInAs(page, 'p_liuyang');
    await page.getByText('你好，刘洋').waitFor();
    await screenshot(page, `looks-home-${tag}`);
    expect(await clipped(page)).toEqual([]);
    // The page follows the phone: dark page and cards on a dark phone (text is light there), light otherwise.
    const card = await page.locator('.qw-card').first().evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(card).toBe(scheme === 'dark' ? 'rgb(30, 31, 34)' : 'rgb(255, 255, 255)');
    const ground = await page.locator('.taro_page.taro_page_show').first().evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(ground).toBe(scheme === 'dark' ? 'rgb(17, 18, 20)' : 'rgb(245, 246, 248)');

    await page.getByText('待办', { exact: true }).last().click();
    await page.getByText('黄磊').first().waitFor();
    await screenshot(page, `looks-inbox-${tag}`);
    expect(await clipped(page)).toEqual([]);
  });

  it('should show a case page and a form whole', async () => {
    await signInAs(page, 'p_huanglei');
    await page.goto(caseUrl);
    await page.getByText('处理记录').waitFor();
    await screenshot(page, `looks-case-${tag}`);
    expect(await clipped(page)).toEqual([]);

    await page.goto(formUrl);
    await page.getByText('提交申请', { exact: true }).waitFor();
    await screenshot(page, `looks-form-${tag}`);
    expect(await clipped(page)).toEqual([]);
  });
});
