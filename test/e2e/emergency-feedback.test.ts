// Emergencies (§5.3) and member feedback (§3.2) clicked through as people do, on the local host
// with its test clock: 刘洋 starts an emergency for 黄磊 and 郑爽; 黄磊 acknowledges, 郑爽 does not;
// after the window 刘洋 and 陈刚 are alerted about 郑爽; 黄磊 reports done; 刘洋 closes it and the
// timeline shows every minute. Then 黄磊 sends anonymous feedback, 刘洋 forwards it to 王强, who sees
// no name and answers, and 黄磊 reads the answer and marks it resolved.
import { screenshot, useE2E } from './support';

jest.setTimeout(240_000);

const MIN = 60_000;
const e2e = useE2E();
const { signInAs } = e2e;
const text = (s: string) => e2e.current.getByText(s, { exact: true });
/** A text field by its placeholder (Taro's h5 input wraps the real one, which carries it too). */
const box = (placeholder: string) => e2e.current.getByRole('textbox', { name: placeholder });

/** 首页's first card: the active emergency. */
async function openEmergencyFromHome(person: string) {
  await signInAs(person);
  await e2e.current.getByTestId('active-emergencies').getByText('客户现场投诉').click();
  await e2e.current.getByTestId('timeline').waitFor();
}

it('should run an emergency: alert, acknowledgement, escalation after the window, done, and a closed timeline with every minute', async () => {
  // 刘洋, the admin of 市场部工作群, starts it from the group's card on 首页.
  await signInAs('p_liuyang');
  await e2e.current.locator('[data-group="g_market"]').getByText('发起紧急事件').click();
  await box('例如：客户现场投诉').fill('客户现场投诉');
  await box('时间、地点、现状和需要大家做什么').fill('客户在一楼展厅要求当场退款，情绪激动，需要有人到场并联系客户经理');
  await e2e.current.locator('.qw-chip', { hasText: '黄磊' }).click();
  await e2e.current.locator('.qw-chip', { hasText: '郑爽' }).click();
  await box('例如：联系客户、到现场').nth(0).fill('联系客户');
  await box('例如：联系客户、到现场').nth(1).fill('到现场');
  await screenshot(e2e.page, 'emergency-start-form');
  await text('通知全群并分派任务').click();
  // h5 stands in for WeChat's subscription popup: the starter wants escalations pushed.
  await e2e.modal('允许').click();
  await e2e.current.getByTestId('tasks').waitFor();
  await screenshot(e2e.page, 'emergency-started');

  // 黄磊 sees it first on 首页 and acknowledges; 郑爽 does nothing.
  await signInAs('p_huanglei');
  await e2e.current.getByTestId('active-emergencies').waitFor();
  const home = await e2e.current.innerText();
  expect(home.indexOf('客户现场投诉')).toBeLessThan(home.indexOf('你好，黄磊'));
  await screenshot(e2e.page, 'emergency-home-huanglei');
  await e2e.current.getByTestId('active-emergencies').getByText('客户现场投诉').click();
  await text('我的任务：联系客户').waitFor();
  await text('接收任务').click();
  await e2e.current.getByText(/已接收。请在 \d\d:\d\d 前报告进展/).waitFor();
  await screenshot(e2e.page, 'emergency-acknowledged');

  // The acknowledgement window (10 minutes) passes: 郑爽 is reminded; one window later 刘洋 and 陈刚 are alerted.
  await e2e.host.advance(10 * MIN);
  await e2e.host.advance(10 * MIN);
  await signInAs('p_chengang');
  await text('站内消息').click();
  await e2e.current.getByText('紧急任务无人接收：郑爽').waitFor();
  await screenshot(e2e.page, 'emergency-leader-alerted');
  await openEmergencyFromHome('p_liuyang');
  await e2e.current.locator('[data-task="p_zhengshuang"]').getByText('未接收，已报告').waitFor();
  // Who was reached by WeChat push: nobody granted one yet, so the @名单 names everyone else.
  await e2e.current.getByTestId('reach').getByText('查看').click();
  await text('复制 @名单').waitFor();
  await expect(e2e.current.getByTestId('reach').innerText()).resolves.toContain('@郑爽-市场部');
  await screenshot(e2e.page, 'emergency-reach');

  // 黄磊 reports it done.
  await openEmergencyFromHome('p_huanglei');
  await e2e.current.locator('.qw-chip', { hasText: '已完成' }).click();
  await box('例如：已联系上客户，正在安抚').fill('已联系客户经理到场，客户接受退款方案');
  await text('提交').click();
  await e2e.current.locator('[data-task="p_huanglei"]').getByText('已完成').waitFor();
  await screenshot(e2e.page, 'emergency-done');

  // 刘洋 closes it with a summary: the timeline holds every step with its minute.
  await openEmergencyFromHome('p_liuyang');
  await box('处置总结（必填）').fill('客户接受退款方案，展厅恢复正常；郑爽未接收任务，已电话联系');
  await text('结束紧急事件').last().click();
  await e2e.current.getByText('已结束').first().waitFor();
  const rows = await e2e.current.getByTestId('timeline').locator('[data-seq]').allInnerTexts();
  const steps = ['发起紧急事件', '接收任务', '超时未接收，提醒', '超时未接收，报发起人和上级领导', '报告完成', '结束紧急事件'];
  expect(rows.map((r) => steps.find((s) => r.includes(`· ${s}`)) ?? r)).toEqual(steps);
  // Each with its minute; the reminder at the window, the escalation one window later.
  const minutes = rows.map((r) => {
    const [h, m] = r.slice(0, 5).split(':').map(Number);
    return h * 60 + m;
  });
  expect(rows.every((r) => /^\d\d:\d\d/.test(r))).toBe(true);
  expect((minutes[3] - minutes[2] + 1440) % 1440).toBe(10);
  // The toast gone, the picture shows the whole timeline.
  await e2e.page.waitForTimeout(1500);
  await screenshot(e2e.page, 'emergency-closed-timeline');
});

it('should relay anonymous feedback: forwarded to a department head who never learns the sender, answered and resolved', async () => {
  // 黄磊 writes, anonymous towards whoever will handle it (the default).
  await signInAs('p_huanglei');
  await e2e.current.locator('[data-group="g_market"]').getByText('意见反馈').click();
  await box('写下你的意见、建议或遇到的问题').fill('希望每周例会改到周一上午，方便大家安排一周的工作');
  await screenshot(e2e.page, 'feedback-form');
  await text('提交').click();
  await e2e.modal('允许').click();
  await e2e.current.getByText('待管理员处理').first().waitFor();
  await screenshot(e2e.page, 'feedback-sent');

  // 刘洋 (admin) sees who sent it, and forwards it to 王强, the head of 市场部.
  await signInAs('p_liuyang');
  await e2e.tab('待办').click();
  await e2e.current.locator('.qw-case-card', { hasText: '意见反馈' }).first().click();
  await e2e.current.getByText('黄磊（要求对处理部门匿名）').waitFor();
  await text('选择转交对象').click();
  await e2e.current.locator('.qw-chip', { hasText: '王强（市场部负责人）' }).click();
  await box('转交说明（选填）').fill('请市场部研究后答复');
  await screenshot(e2e.page, 'feedback-forward');
  await text('转交').click();
  await e2e.current.getByText('已转交，待答复').first().waitFor();

  // 王强 sees 一位群成员, nothing that names 黄磊, and answers.
  await signInAs('p_wangqiang');
  await e2e.tab('待办').click();
  await expect(e2e.page.locator('body').innerText()).resolves.not.toContain('黄磊');
  await e2e.current.locator('.qw-case-card', { hasText: '意见反馈' }).first().click();
  await e2e.current.getByText('一位群成员（匿名）').waitFor();
  const seen = await e2e.page.locator('body').innerText();
  expect(seen).not.toContain('黄磊');
  expect(seen).toContain('希望每周例会改到周一上午');
  await screenshot(e2e.page, 'feedback-received-anonymous');
  await box('答复内容（必填）').fill('从下周起例会改到周一上午十点，线上同步会议链接');
  await text('提交答复').click();
  await e2e.current.getByTestId('answer').waitFor();
  await expect(e2e.page.locator('body').innerText()).resolves.not.toContain('黄磊');
  await screenshot(e2e.page, 'feedback-answered');

  // 黄磊 reads the answer and marks it resolved.
  await signInAs('p_huanglei');
  await e2e.current.locator('.qw-case-card', { hasText: '意见反馈' }).first().click();
  await e2e.current.getByText('从下周起例会改到周一上午十点，线上同步会议链接').first().waitFor();
  await text('问题已解决').click();
  await e2e.modal('已解决').click();
  await e2e.current.getByText('已解决').first().waitFor();
  await e2e.page.waitForTimeout(1500);
  await screenshot(e2e.page, 'feedback-resolved');
});
