// One call per screen (issue 20), counted at the local host as the h5 app makes them: 黄磊 opens
// 首页 (one call), acknowledges the notice he owes on its page and comes back (one call, and the
// notice is gone); 刘洋 opens 待办 and 我的 (one call each), approves 黄磊's rename on the case page
// (one call: the answer is what the page then shows).
import type { Browser, Page, Request } from 'playwright-core';
import { launchBrowser, phonePage, screenshot, signInAs as signInAsOn, startHost, type Host } from './support';

jest.setTimeout(180_000);

let host: Host;
let browser: Browser;
let page: Page;
const calls: string[] = [];

beforeAll(async () => {
  host = await startHost();
  browser = await launchBrowser();
  page = await phonePage(browser);
  page.on('request', (req: Request) => {
    if (req.url().endsWith('/api/api')) calls.push(String((req.postDataJSON() as { action?: string } | null)?.action));
  });
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const signInAs = (personId: string) => signInAsOn(page, host, personId);
const text = (s: string) => page.getByText(s, { exact: true }).locator('visible=true');
const visible = (selector: string) => page.locator(selector).locator('visible=true');
/** The calls made from now until the page is quiet. */
async function callsDuring(act: () => Promise<void>): Promise<string[]> {
  const from = calls.length;
  await act();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600);
  return calls.slice(from);
}
/** An action as the signed-in person, through the page's own session. */
async function api(action: string, data: unknown) {
  return page.evaluate(
    async ([a, d]) => (await (await fetch('/api/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: a, data: d }) })).json()) as { ok: boolean; data: { id: string } },
    [action, data] as const,
  );
}

it('should open each screen with one call, come back with one, and answer a tap with what the screen then shows', async () => {
  // 王强 publishes a notice to 市场部工作群; 黄磊 files a rename.
  await signInAs('p_wangqiang');
  const notice = await api('notices.publish', { groupIds: ['g_market'], kind: 'general', title: '周五例会改到三楼会议室', body: '各位同事：本周五的例会改在三楼会议室召开。', requestId: 'e2e-screens-notice' });
  expect(notice.ok).toBe(true);

  // 首页: one call, with the notice first.
  await signInAs('p_huanglei');
  const renamed = await api('rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: 'e2e-screens-rename' });
  expect(renamed.ok).toBe(true);
  expect(await callsDuring(() => page.reload().then(() => visible('[data-testid="pending-notices"]').waitFor()))).toEqual(['home.load']);
  await screenshot(page, 'screens-home');

  // The notice's page, acknowledged there; back on 首页 one call brings it up to date.
  await visible(`[data-notice="${notice.data.id}"]`).click();
  await text('确认已读').click();
  await visible('[data-testid="acked"]').waitFor();
  const back = await callsDuring(async () => {
    await page.goBack();
    await page.locator('[data-testid="pending-notices"]').locator('visible=true').waitFor({ state: 'detached' });
  });
  expect(back).toEqual(['home.load']);

  // 我的: one call (who I am comes with it; no session.whoami).
  expect(await callsDuring(() => text('我的').click().then(() => text('微信提醒').waitFor()))).toEqual(['me.load']);

  // 刘洋's 待办: one call; the case page: one call; 批准: one call, and the page shows the result.
  await signInAs('p_liuyang');
  expect(await callsDuring(() => text('待办').click().then(() => page.getByText('共 1 项等你处理').locator('visible=true').waitFor()))).toEqual(['inbox.load']);
  await screenshot(page, 'screens-inbox');
  await page.goto(`${host.url}/packages/case/pages/case/index?id=${encodeURIComponent(renamed.data.id)}`);
  await text('批准').waitFor();
  const approve = await callsDuring(async () => {
    await text('批准').click();
    await page.getByText('已通过').locator('visible=true').first().waitFor();
  });
  expect(approve).toEqual(['rename.approve']);
  await expect(visible('taro-button-core').filter({ hasText: /^批准$/ }).count()).resolves.toBe(0);
  await screenshot(page, 'screens-case-approved');
});
