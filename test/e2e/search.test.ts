// 全部事项 clicked through as 陈刚 does: a violation in 项目A群 whose appeal 周杰 and 孙丽 let run past
// its deadline (the test clock), then 陈刚 filters 全部事项 to overdue violations of 项目A群.
import { screenshot, useE2E } from './support';

jest.setTimeout(240_000);

const DAY = 86_400_000;
const e2e = useE2E();
const { signInAs } = e2e;
const text = (s: string) => e2e.current.getByText(s, { exact: true });
const chip = (label: string) => e2e.current.locator('.qw-chip', { hasText: label }).first();

it('should let 陈刚 filter 全部事项 to the overdue violations of 项目A群', async () => {
  // 周杰 (admin of 项目A群) warns 马超; 马超 appeals.
  await signInAs('p_zhoujie');
  await e2e.tab('待办').click();
  await text('处理群成员违规').click();
  await text('违规成员').waitFor();
  await chip('马超').click();
  await text('广告推销、擅自拉票集赞').click();
  await text('轻微').click();
  await e2e.current.getByText('处理建议：警告').waitFor();
  await e2e.current.locator('textarea').first().fill('在群里连续三天发布保险推销广告');
  await text('确认处理并通知成员').click();
  await e2e.current.getByText('已处理·申诉期内').first().waitFor();

  await signInAs('p_machao');
  await e2e.current.getByText('违规处理').first().click();
  await e2e.current.getByText('如对处理有异议').waitFor();
  await e2e.current.locator('textarea').first().fill('广告是同事让我代为转发的内部活动，不是推销');
  await text('提交申诉').click();
  await e2e.modal('允许').click();
  await e2e.current.getByText('申诉待答复').first().waitFor();

  // Nobody answers: the scheduler reminds 周杰 and 孙丽 (two more working days), then escalates to 陈刚;
  // the appeal stays open, past its deadline.
  await e2e.host.advance(12 * DAY);
  await e2e.host.advance(5 * DAY);

  await signInAs('p_chengang');
  await e2e.tab('我的').click();
  await text('全部事项').click();
  await e2e.current.locator('.qw-case-card').first().waitFor();
  await screenshot(e2e.page, 'search-all');
  const all = await e2e.current.locator('.qw-case-card').count();
  expect(all).toBeGreaterThan(1);

  await chip('违规处理').click();
  await chip('项目A群').click();
  await chip('只看超期').click();
  await e2e.page.waitForLoadState('networkidle');
  await e2e.current.getByText('找到 1 项').waitFor();
  const cards = e2e.current.locator('.qw-case-card');
  await expect(cards.count()).resolves.toBe(1);
  const card = await cards.first().innerText();
  expect(card).toContain('马超：广告推销、擅自拉票集赞（警告）');
  expect(card).toContain('项目A群');
  expect(card).toContain('申诉待答复');
  // Filters folded away, as on a phone once they are set: the result fills the screen.
  await text('收起筛选').click();
  await screenshot(e2e.page, 'search-overdue-violations');
  await text('展开筛选').click();

  // Oldest deadline first, and a filter nothing matches says what to do.
  await chip('截止最新在前').click();
  await e2e.page.waitForLoadState('networkidle');
  await e2e.current.getByText('找到 1 项，截止时间最早在前').waitFor();
  await chip('市场部工作群').click();
  await e2e.page.waitForLoadState('networkidle');
  await e2e.current.getByText('没有符合条件的事项').waitFor();
  await screenshot(e2e.page, 'search-nothing-found');
  await text('清除筛选').first().click();
  await e2e.current.locator('.qw-case-card').nth(1).waitFor();

  // The card opens the case.
  await chip('违规处理').click();
  await chip('只看超期').click();
  await e2e.page.waitForLoadState('networkidle');
  await e2e.current.getByText('找到 1 项').waitFor();
  await e2e.current.locator('.qw-case-card').first().click();
  await e2e.current.getByText('违规情况').waitFor();
});
