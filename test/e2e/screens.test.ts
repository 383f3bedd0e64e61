// One call per screen (issue 20), counted at the local host as the h5 app makes them: 黄磊 opens
// 首页 (one call), acknowledges the notice he owes on its page and comes back (one call, and the
// notice is gone); 刘洋 opens 待办 and 我的 (one call each), approves 黄磊's rename on the case page
// (one call: the answer is what the page then shows).
import type { Request } from 'playwright-core';
import { screenshot, useE2E } from './support';

jest.setTimeout(180_000);

const e2e = useE2E();
const { signInAs } = e2e;
const calls: string[] = [];

beforeAll(() => {
  e2e.page.on('request', (req: Request) => {
    if (req.url().endsWith('/api/api')) calls.push(String((req.postDataJSON() as { action?: string } | null)?.action));
  });
});

const text = (s: string) => e2e.current.getByText(s, { exact: true });
const here = (selector: string) => e2e.current.locator(selector);
/** The calls made from now until the page is quiet. */
async function callsDuring(act: () => Promise<void>): Promise<string[]> {
  const from = calls.length;
  await act();
  await e2e.page.waitForLoadState('networkidle');
  await e2e.page.waitForTimeout(600);
  return calls.slice(from);
}
/** An action as the signed-in person, through the page's own session. */
async function api(action: string, data: unknown) {
  return e2e.page.evaluate(
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
  expect(await callsDuring(() => e2e.page.reload().then(() => here('[data-testid="pending-notices"]').waitFor()))).toEqual(['home.load']);
  await screenshot(e2e.page, 'screens-home');

  // The notice's page, acknowledged there; back on 首页 one call brings it up to date.
  await here(`[data-notice="${notice.data.id}"]`).click();
  await text('确认已读').click();
  await here('[data-testid="acked"]').waitFor();
  const back = await callsDuring(async () => {
    await e2e.page.goBack();
    await here('[data-testid="pending-notices"]').locator('visible=true').waitFor({ state: 'detached' });
  });
  expect(back).toEqual(['home.load']);

  // 我的: one call (who I am comes with it; no session.whoami).
  expect(await callsDuring(() => e2e.tab('我的').click().then(() => text('微信提醒').waitFor()))).toEqual(['me.load']);

  // 刘洋's 待办: one call; the case page: one call; 批准: one call, and the page shows the result.
  await signInAs('p_liuyang');
  expect(await callsDuring(() => e2e.tab('待办').click().then(() => e2e.current.getByText('共 1 项等你处理').waitFor()))).toEqual(['inbox.load']);
  await screenshot(e2e.page, 'screens-inbox');
  await e2e.page.goto(`${e2e.host.url}/packages/case/pages/case/index?id=${encodeURIComponent(renamed.data.id)}`);
  await text('批准').waitFor();
  const approve = await callsDuring(async () => {
    await text('批准').click();
    await e2e.current.getByText('已通过').first().waitFor();
  });
  expect(approve).toEqual(['rename.approve']);
  await expect(here('taro-button-core').filter({ hasText: /^批准$/ }).count()).resolves.toBe(0);
  await screenshot(e2e.page, 'screens-case-approved');
});
