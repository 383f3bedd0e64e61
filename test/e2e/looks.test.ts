// How the main screens look at normal and large text, in light and dark mode: 首页, 待办, a case page
// and a form, each pictured four times (test/e2e/artifacts/*-looks-*.png), and checked for text cut
// off or pushed off the screen. Large text is WeChat's largest setting approximated as 1.5× every
// font size (largeText in support.ts). Dark mode is chromium's prefers-color-scheme: dark
// (playwright's colorScheme), as a phone in dark mode reports it.
import type { Page } from 'playwright-core';
import { current, largeText, phonePage, screenshot, signInAs, tab, useE2E } from './support';

jest.setTimeout(300_000);

const e2e = useE2E();
let caseUrl = '';
let formUrl = '';

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
  // A case to picture: 黄磊 files a rename request (its form is the form pictured).
  await e2e.signInAs('p_huanglei');
  await e2e.current.getByText('申请改名', { exact: true }).first().click();
  await e2e.page.waitForURL(/rename/);
  await e2e.current.getByText('新的群昵称').waitFor();
  formUrl = e2e.page.url();
  await e2e.current.locator('input').first().fill('黄磊-市场部');
  await e2e.current.getByText('提交申请', { exact: true }).click();
  await e2e.modal('允许').click();
  await e2e.current.getByText('待审批').first().waitFor();
  caseUrl = e2e.page.url();
});

describe.each([
  ['light', false],
  ['light', true],
  ['dark', false],
  ['dark', true],
] as const)('the main screens in %s mode, large text %s', (scheme, large) => {
  const tag = `${scheme}-${large ? 'large' : 'normal'}`;
  let page: Page;
  beforeAll(async () => {
    page = await phonePage(e2e.browser, { colorScheme: scheme }, large ? largeText : undefined);
  });
  afterAll(() => page?.context().close());

  it('should show 首页 and 待办 whole, in the phone’s colours', async () => {
    await signInAs(page, e2e.host, 'p_liuyang');
    await current(page).getByText('你好，刘洋').waitFor();
    await screenshot(page, `looks-home-${tag}`);
    expect(await clipped(page)).toEqual([]);
    // The page follows the phone: dark page and cards on a dark phone (text is light there), light otherwise.
    const card = await current(page).locator('.qw-card').first().evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(card).toBe(scheme === 'dark' ? 'rgb(30, 31, 34)' : 'rgb(255, 255, 255)');
    const ground = await current(page).evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(ground).toBe(scheme === 'dark' ? 'rgb(17, 18, 20)' : 'rgb(245, 246, 248)');

    await tab(page, '待办').click();
    await current(page).getByText('黄磊').first().waitFor();
    await screenshot(page, `looks-inbox-${tag}`);
    expect(await clipped(page)).toEqual([]);
  });

  it('should show a case page and a form whole', async () => {
    await signInAs(page, e2e.host, 'p_huanglei');
    await page.goto(caseUrl);
    await current(page).getByText('处理记录').waitFor();
    await screenshot(page, `looks-case-${tag}`);
    expect(await clipped(page)).toEqual([]);

    await page.goto(formUrl);
    await current(page).getByText('提交申请', { exact: true }).waitFor();
    await screenshot(page, `looks-form-${tag}`);
    expect(await clipped(page)).toEqual([]);
  });
});
