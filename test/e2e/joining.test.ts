// R14 and §2.1 clicked through on the local host: the owner sets up a department and its groups, the
// department head registers and invites a new hire, who joins by the link as a fresh WeChat user; the
// admins confirm the add tasks; then the person leaves and a remove task appears for every group.
import type { Page } from 'playwright-core';
import { current, phonePage, screenshot, useE2E } from './support';

jest.setTimeout(240_000);

const e2e = useE2E();
const { signInAs } = e2e;
/** 林晓's phone, beside the page the others use. */
let newbie: Page;
beforeAll(async () => {
  newbie = await phonePage(e2e.browser);
});

// Taro's h5 router keeps earlier pages in the DOM, hidden: look only in the current one.
const exact = (label: string) => new RegExp(`^\\s*${label}\\s*$`);
const button = (p: Page, label: string) => current(p).locator('taro-button-core', { hasText: exact(label) });
const chip = (p: Page, chooser: number, label: string) => current(p).locator('.qw-chips').nth(chooser).locator('.qw-chip', { hasText: label });
const field = (p: Page, placeholder: string) => current(p).locator(`input[placeholder="${placeholder}"]`);
const card = (p: Page, text: string) => current(p).locator('.qw-card', { hasText: text });

async function openOrg() {
  await e2e.tab('我的').click();
  await e2e.current.getByText('组织管理（部门、人员、群）').click();
  await e2e.current.locator('.qw-header__title', { hasText: '组织管理' }).waitFor();
}

async function registerGroup(name: string, type: string, admin: string) {
  await button(e2e.page, '登记新群').click();
  await field(e2e.page, '与微信群名一致，如 财务部工作群').fill(name);
  await chip(e2e.page, 0, type).click();
  await chip(e2e.page, 1, '财务部').click();
  await chip(e2e.page, 2, '何静').click();
  await chip(e2e.page, 3, admin).click();
  await chip(e2e.page, 4, '陈刚').click();
  await button(e2e.page, '登记').click();
  await e2e.current.locator('.qw-section__head', { hasText: '群的记录' }).waitFor();
}

async function confirmTaskAs(personId: string, kind: string, groupName: string, shot: string) {
  await signInAs(personId);
  await e2e.tab('待办').click();
  const card = e2e.current.locator('.qw-case-card', { hasText: groupName }).filter({ hasText: kind }).first();
  await card.waitFor();
  await card.click();
  const confirm = button(e2e.page, kind === '入群任务' ? '已拉入群，确认完成' : '已移出群，确认完成');
  await confirm.waitFor();
  await screenshot(e2e.page, `${shot}-task`);
  await confirm.click();
  await e2e.current.getByText('已完成').first().waitFor();
  await screenshot(e2e.page, `${shot}-confirmed`);
}

it('should take a new hire from registration to joining, adding and removal', async () => {
  try {
    await flow();
  } catch (err) {
    await screenshot(e2e.page, 'failure');
    await screenshot(newbie, 'failure-newcomer');
    throw err;
  }
});

async function flow() {
  // The owner (赵敏, OWNER_OPENID of the local host) sets up 财务部 with 何静 as its head.
  await signInAs('p_zhaomin');
  await openOrg();
  await field(e2e.page, '部门名称，如 财务部').fill('财务部');
  await button(e2e.page, '新建部门').click();
  const finance = card(e2e.page, '财务部').filter({ hasText: '未指定负责人' });
  await finance.waitFor();
  await finance.locator('taro-button-core', { hasText: exact('指定负责人') }).click();
  await e2e.current.locator('.qw-chip', { hasText: '何静·行政部' }).click();
  await e2e.current.getByText('负责人：何静').waitFor();
  await screenshot(e2e.page, 'owner-department');

  // Two groups of 财务部, with different admins; the first is bound to its (simulated) WeChat chat.
  await registerGroup('财务部工作群', '部门群', '刘洋');
  await field(e2e.page, '如 market-chat').fill('finance-chat');
  await button(e2e.page, '绑定到这个微信群').click();
  await e2e.current.getByText('已绑定', { exact: true }).waitFor();
  await screenshot(e2e.page, 'owner-group-registered');
  await e2e.page.goBack();
  await registerGroup('预算项目群', '项目群', '周杰');

  // 何静, now head of 财务部, registers 林晓 and makes her an invitation.
  await signInAs('p_hejing');
  await openOrg();
  await field(e2e.page, '真实姓名').fill('林晓');
  await field(e2e.page, '如 M100').fill('F100');
  await button(e2e.page, '登记').click();
  const row = card(e2e.page, '林晓').filter({ hasText: '未绑定' });
  await row.waitFor();
  await screenshot(e2e.page, 'head-registered-person');
  await row.locator('taro-button-core', { hasText: exact('邀请卡片') }).click();
  await button(e2e.page, '生成邀请卡片').click();
  const link = (await e2e.current.locator('.qw-invite-link').innerText()).trim();
  expect(link).toMatch(/\/packages\/org\/pages\/join\/index\?token=[A-Za-z0-9_-]{20,}$/);
  await screenshot(e2e.page, 'head-invitation');

  // 林晓 opens the mini-program as a WeChat user nobody has bound: she sees how to get an invitation.
  await newbie.goto(`${e2e.host.url}/dev/signin`);
  await newbie.click('button[data-new-user]');
  await current(newbie).getByText('还没有绑定身份').waitFor();
  await screenshot(newbie, 'newcomer-unbound');
  await newbie.goto(link);
  await button(newbie, '确认绑定').click();
  await current(newbie).getByText('欢迎，林晓').waitFor();
  await screenshot(newbie, 'newcomer-joined');
  // The same card a second time is refused.
  const again = await newbie.evaluate(async (token) => {
    const r = await fetch('/api/api', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'invitations.accept', data: { token } }) });
    return r.json();
  }, new URL(link).searchParams.get('token'));
  expect(again).toMatchObject({ ok: false, code: 'ALREADY_BOUND' });
  await button(newbie, '进入群务').click();
  await current(newbie).getByText('你好，林晓').waitFor();
  await screenshot(newbie, 'newcomer-home');

  // 何静 marks her as a new hire: an add task for each of 财务部's groups.
  await e2e.page.goto(`${e2e.host.url}/packages/org/pages/setup/index`);
  const bound = card(e2e.page, '林晓').filter({ hasText: '已绑定微信' });
  await bound.waitFor();
  await bound.locator('taro-button-core', { hasText: exact('入职入群') }).click();
  await e2e.page.getByText('已为 2 个群开出入群任务').waitFor(); // a toast
  await screenshot(e2e.page, 'head-onboarded');

  await confirmTaskAs('p_liuyang', '入群任务', '财务部工作群', 'admin-add');
  await confirmTaskAs('p_zhoujie', '入群任务', '预算项目群', 'admin2-add');
  await newbie.reload();
  await current(newbie).getByText('财务部工作群').first().waitFor();
  await screenshot(newbie, 'newcomer-in-groups');

  // She leaves: access ends at once, and each group's admin gets a remove task.
  await signInAs('p_hejing');
  await openOrg();
  const member = card(e2e.page, '林晓').filter({ hasText: '已绑定微信' });
  await member.locator('taro-button-core', { hasText: exact('离职') }).click();
  await e2e.modal('确认离职').click();
  await e2e.page.getByText('已登记离职，已请 2 个群的管理员移出').waitFor(); // a toast
  await screenshot(e2e.page, 'head-offboarded');
  await newbie.reload();
  await current(newbie).getByText('账号已停用', { exact: true }).waitFor();
  await screenshot(newbie, 'leaver-refused');
  // The head keeps the departure on record among their own cases, with the groups she was in.
  await signInAs('p_hejing');
  const record = e2e.current.locator('.qw-case-card', { hasText: '员工离职' }).filter({ hasText: '财务部工作群' }).filter({ hasText: '预算项目群' });
  await record.first().click();
  await e2e.current.getByText('林晓（财务部）离职').first().waitFor();
  await e2e.current.getByText('何静 · 登记离职').first().waitFor();
  await screenshot(e2e.page, 'head-departure-record');

  for (const [pid, group] of [
    ['p_liuyang', '财务部工作群'],
    ['p_zhoujie', '预算项目群'],
  ] as const) {
    await signInAs(pid);
    await e2e.tab('待办').click();
    await e2e.current.locator('.qw-case-card', { hasText: '移出任务' }).filter({ hasText: group }).first().waitFor();
    await screenshot(e2e.page, `remove-task-${pid}`);
  }
  await confirmTaskAs('p_liuyang', '移出任务', '财务部工作群', 'admin-remove');
}
