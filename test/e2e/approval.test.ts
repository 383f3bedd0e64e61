// Issue 19 clicked through on the local host: 孙丽 hands two requests over to the leader 陈刚 (转交), so
// they wait on 周杰 (and 陈刚) but no longer on her; 周杰 names 孙丽 his delegate for a week (代理) and she
// sees them again marked 代 周杰 and approves one; 黄磊
// nudges (催办) his overdue request and 刘洋 gets it in 站内消息; 刘洋 approves three rename requests in one
// batch (批量处理), a fourth withdrawn meanwhile listed with its reason. Preconditions are filed through
// the same api the app calls, as the people themselves.
import { screenshot, useE2E } from './support';

jest.setTimeout(300_000);

const e2e = useE2E();
const { signInAs, act } = e2e;
beforeAll(async () => {
  // The phone's clock follows the host's test clock (deadlines, the next nudge, a delegation's start).
  await e2e.page.clock.install({ time: await e2e.host.now() });
  await e2e.page.clock.resume();
});

// Taro's h5 router keeps earlier pages in the DOM, hidden: look only in the current one.
const exact = (label: string) => new RegExp(`^\\s*${label}\\s*$`);
const button = (label: string | RegExp) => e2e.current.locator('taro-button-core', { hasText: typeof label === 'string' ? exact(label) : label });
const chip = (label: string) => e2e.current.locator('.qw-chip', { hasText: exact(label) });
const card = (text: string) => e2e.current.locator('.qw-case-card', { hasText: text });
/** A screenshot of the page itself: after a tap that answers with a toast, once the toast has come and gone. */
async function shot(name: string, afterToast = false) {
  const toast = e2e.page.locator('.taro__toast');
  if (afterToast) await toast.waitFor({ state: 'visible', timeout: 5000 }).catch(() => undefined);
  await toast.waitFor({ state: 'hidden' });
  await screenshot(e2e.page, `approval-${name}`);
}
const body = () => e2e.current.innerText();

let seq = 0;
async function fileRename(personId: string, groupId: string, nickname: string): Promise<string> {
  const c = await act(personId, 'rename.submit', { groupId, nickname, requestId: `e2e-approval-${++seq}-${personId}` });
  return c.id;
}

async function openInbox() {
  await e2e.tab('待办').click();
  await e2e.current.locator('.qw-header__title', { hasText: '待办' }).waitFor();
}

it('should hand a request over, and let a delegate decide for the admin away on leave', async () => {
  // Two requests in 项目A群 wait on both its admins, 孙丽 and 周杰.
  await fileRename('p_machao', 'g_projecta', '马超-技术部');
  const wufang = await fileRename('p_wufang', 'g_projecta', '吴芳-技术部');

  // 转交: 孙丽 hands 马超's request to the leader 陈刚 (the one other person eligible), with a note.
  await signInAs('p_sunli');
  await openInbox();
  await card('马超').click();
  await button('转交他人处理').click();
  await chip('陈刚').click();
  // The hand-over form's own note.
  await e2e.current.locator('textarea[placeholder="例如：我本周出差，请你代为审批"]').fill('马超的昵称涉及项目对外称呼，请陈总把关');
  await shot('handover-form');
  await button('转交给陈刚').click();
  await e2e.modal('转交').click();
  // Back on the review page: the history says who handed it to whom, and it now waits on 陈刚 and 周杰.
  await e2e.current.locator('.qw-history', { hasText: '孙丽 · 转交 → 陈刚' }).waitFor();
  const summary = e2e.current.locator('.qw-card', { hasText: '申请昵称' });
  await expect(summary.innerText()).resolves.toMatch(/等待\s*陈刚、周杰\s/);
  await shot('handed-over');
  // 吴芳's too (through the api, as she would again): neither waits on 孙丽 now, both on 周杰.
  await act('p_sunli', 'cases.handOver', { caseId: wufang, toPersonId: 'p_chengang' });

  // 代理: 周杰 goes on a business trip and names 孙丽 for a week.
  await signInAs('p_zhoujie');
  await e2e.tab('我的').click();
  await e2e.current.getByText('设置代理（出差、休假）').click();
  await chip('孙丽').click();
  await chip('一周').click();
  await e2e.current.getByText('共 7 天', { exact: false }).waitFor();
  await shot('delegation-form');
  await button('确认代理').click();
  const current = e2e.current.locator('[data-testid="current-delegation"]');
  await current.waitFor();
  await expect(current.innerText()).resolves.toContain('孙丽');
  await expect(current.innerText()).resolves.toContain('生效中');
  await shot('delegation-set', true);

  // 孙丽's 待办: 周杰's waiting cases, marked 代 周杰, and who they wait on.
  await signInAs('p_sunli');
  await openInbox();
  await card('马超').waitFor();
  for (const who of ['马超', '吴芳']) {
    const c = card(who);
    await expect(c.innerText()).resolves.toContain('代 周杰');
    await expect(c.innerText()).resolves.toContain('陈刚、周杰、孙丽（代 周杰）');
  }
  await shot('delegate-inbox');

  await card('马超').click();
  await button('批准').click();
  await e2e.current.getByText('已通过').first().waitFor();
  const history = e2e.current.locator('.qw-history');
  await expect(history.innerText()).resolves.toContain('孙丽（代 周杰） · 批准');
  await history.scrollIntoViewIfNeeded();
  await shot('delegate-approved', true);

  // 周杰 is back early: 取消代理, and 吴芳's request leaves 孙丽's 待办.
  await signInAs('p_zhoujie');
  await e2e.tab('我的').click();
  await e2e.current.getByText('设置代理（出差、休假）').click();
  await button('取消代理').click();
  await e2e.modal('取消代理').click();
  await e2e.current.getByText('设置代理人').waitFor();
  await expect(e2e.page.locator('[data-testid="current-delegation"]:visible').count()).resolves.toBe(0);
  await signInAs('p_sunli');
  await openInbox();
  await e2e.current.locator('.qw-case-card, .qw-empty').first().waitFor();
  await expect(card('吴芳').count()).resolves.toBe(0);
});

it('should let the member nudge an overdue request once, and the admin get it in 站内消息', async () => {
  await fileRename('p_huanglei', 'g_market', '黄磊-市场部');
  await fileRename('p_zhengshuang', 'g_market', '郑爽-市场部');
  await fileRename('p_hejing', 'g_market', '何静-行政部');
  await fileRename('p_zhangwei_m', 'g_market', '张伟-市场部');
  // A week passes (test clock; the scheduler has not run yet, so no reminder has moved the deadline): the
  // requests are overdue. The phone's clock moves along with the host's.
  await fetch(`${e2e.host.url}/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 7 * 86_400_000 }) });
  await e2e.page.clock.setSystemTime(await e2e.host.now());

  await signInAs('p_huanglei');
  await card('改名申请').first().click();
  await e2e.current.getByText('已超期', { exact: false }).first().waitFor();
  await button('催办').click();
  await e2e.page.getByText('已催办 刘洋').waitFor(); // a toast
  // Too soon to nudge again: the button says when.
  const again = button(/后可再催办$/);
  await again.waitFor();
  await expect(again.getAttribute('disabled')).resolves.not.toBeNull();
  // No empty line above the button: the card's padding alone, as below it.
  const [above, below] = await again.evaluate((b) => {
    const card = b.closest('.qw-card')!.getBoundingClientRect();
    const btn = b.getBoundingClientRect();
    return [btn.top - card.top, card.bottom - btn.bottom];
  });
  expect(Math.abs(above - below)).toBeLessThan(1);
  await shot('nudged', true);

  await signInAs('p_liuyang');
  await e2e.tab('我的').click();
  // 我的 counts the unread messages on the way in.
  await e2e.current.locator('.qw-list-item', { hasText: /站内消息（\d+ 条未读）/ }).click();
  const message = e2e.current.locator('.qw-card', { hasText: '催办：改名申请' });
  await message.waitFor();
  await expect(message.innerText()).resolves.toMatch(/黄磊 催你尽快处理「改名为“黄磊-市场部”」，已超过期限/);
  await shot('admin-nudge-message');
});

it('should approve three rename requests in one batch and list each result', async () => {
  await signInAs('p_liuyang');
  await openInbox();
  await card('郑爽').waitFor();
  await button('批量处理').click();
  await e2e.current.getByText('全选（共 4 项）').click();
  await e2e.current.getByText('已选 4 项').waitFor();
  await shot('batch-selected');
  // 张伟 withdraws his request while 刘洋 is choosing: it is listed with its reason, the others go through.
  const zhangwei = await act('p_zhangwei_m', 'cases.mine', { offset: 0, limit: 20 });
  await act('p_zhangwei_m', 'rename.withdraw', { caseId: zhangwei.items.find((c) => c.open)!.id });
  await button('批准 4 项').click();
  await e2e.modal('批准').click();
  const result = e2e.current.locator('[data-testid="batch-result"]');
  await result.waitFor();
  const text = await result.innerText();
  expect(text).toContain('处理结果：3 项已批准，1 项未成功');
  expect(text.match(/✓ 已通过/g)).toHaveLength(3);
  expect(text).toMatch(/张伟：.*\n?.*✗ \S+/);
  await e2e.current.getByText('没有可批量处理的事项').waitFor();
  await shot('batch-result', true);

  await signInAs('p_hejing');
  await card('改名申请').first().waitFor();
  await expect(body()).resolves.toContain('已通过');
});
