// A member files a rename request, an admin approves it from 待办, and the member sees 已通过 and
// exactly what to set in WeChat — clicked as people do, in chromium against the local host.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phonePage, screenshot, startHost, type Host, signInAs as signInAsOn } from './support';

jest.setTimeout(120_000);

let host: Host;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  host = await startHost();
  browser = await launchBrowser();
  page = await phonePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const signInAs = (personId: string) => signInAsOn(page, host, personId);

const text = (s: string) => page.getByText(s, { exact: true });

it('should take a rename request from the member to the admin and back', async () => {
  // Without a session the app sends you to sign in.
  await page.goto(host.url);
  await page.waitForURL(/\/dev\/signin/);
  await screenshot(page, 'signin');

  await page.click('button[data-person="p_huanglei"]');
  await page.getByText('你好，黄磊').waitFor();
  await page.getByText('需改名').waitFor();
  await screenshot(page, 'member-home');

  // The market group's card comes first; its nickname '磊磊' is not compliant.
  await text('申请改名').first().click();
  await page.getByText('市场部工作群').first().waitFor();
  const input = page.locator('input').first();
  await expect(input.inputValue()).resolves.toBe('黄磊-市场部');
  await screenshot(page, 'rename-form');

  // A wrong nickname is refused before anything is sent.
  await input.fill('黄磊');
  await page.getByText(/隔开/).first().waitFor();
  await screenshot(page, 'rename-form-invalid');
  await input.fill('黄磊-市场部');

  await text('提交申请').click();
  // h5 stands in for WeChat's subscription popup with a modal.
  await text('允许').click();
  await page.getByText('待审批').first().waitFor();
  await screenshot(page, 'rename-submitted');

  await signInAs('p_liuyang');
  await text('待办').click();
  await page.getByText('黄磊').first().waitFor();
  await screenshot(page, 'admin-inbox');
  await page.getByText('黄磊').first().click();
  await text('批准').waitFor();
  await screenshot(page, 'admin-review');
  await text('批准').click();
  await page.getByText('已通过').first().waitFor();
  await screenshot(page, 'admin-approved');

  await signInAs('p_huanglei');
  await page.getByText('合规').first().waitFor();
  await page.getByText('已通过').first().click();
  await page.getByText('请在微信群「市场部工作群」中把群昵称设置为').waitFor();
  await expect(page.locator('body').innerText()).resolves.toContain('黄磊-市场部');
  await screenshot(page, 'member-sees-approved');

  // The member allowed one subscription message: the decision was pushed, and shows in the outbox.
  await page.goto(`${host.url}/dev/outbox`);
  await page.getByText('改名申请已通过').waitFor();
  await screenshot(page, 'outbox');
});
